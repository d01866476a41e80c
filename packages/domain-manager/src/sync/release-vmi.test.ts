import { createConverter, defaultConverterContext, definePlugin, type PluginManifest } from '@kvmkit/core';
import { RecordingHostOperations } from '@kvmkit/core/testing';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { releaseVmi } from './release-vmi.ts';

const vmi: VirtualMachineInstance = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'vm', namespace: 'lab' }, spec: { domain: { devices: {} } } };

/** A plugin whose release records its name and option, or fails when told to. */
function releasingPlugin(name: string, released: string[], fails = false): PluginManifest {
  return definePlugin<unknown>({
    specificationVersion: 'v1',
    name,
    version: '0.0.0',
    core: '^0.1.0',
    release(releasedVmi, _host, context) {
      released.push(`${name}:${releasedVmi.metadata?.name ?? ''}:${context.plugin}`);
      if (fails) return Promise.reject(new Error('iptables said no'));
      return Promise.resolve();
    },
  });
}

describe('releasing a deleted VMI', () => {
  it("runs every plugin's release in reverse registration order, each with its own context", async () => {
    const released: string[] = [];
    const converter = createConverter({ plugins: [releasingPlugin('first', released), releasingPlugin('second', released)] });
    await releaseVmi(vmi, converter, defaultConverterContext(), new RecordingHostOperations());
    expect(released).toEqual(['second:vm:second', 'first:vm:first']);
  });

  it('lets every plugin clean up when one fails, then names the one that failed', async () => {
    const released: string[] = [];
    const converter = createConverter({ plugins: [releasingPlugin('first', released), releasingPlugin('flaky', released, true)] });
    await expect(releaseVmi(vmi, converter, defaultConverterContext(), new RecordingHostOperations())).rejects.toThrow("plugin 'flaky' release: iptables said no");
    expect(released).toEqual(['flaky:vm:flaky', 'first:vm:first']);
  });

  it('reports every failure when several plugins fail', async () => {
    const converter = createConverter({ plugins: [releasingPlugin('one', [], true), releasingPlugin('two', [], true)] });
    await expect(releaseVmi(vmi, converter, defaultConverterContext(), new RecordingHostOperations())).rejects.toThrow("plugin 'two' release: iptables said no; plugin 'one' release: iptables said no");
  });
});
