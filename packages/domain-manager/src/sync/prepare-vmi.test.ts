import { createConverter, defaultConverterContext, definePlugin, type ExtensionContext, type PluginManifest } from '@kvmkit/core';
import { RecordingHostOperations } from '@kvmkit/core/testing';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { prepareVmi } from './prepare-vmi.ts';

// Plugin A provides a network binding and a volume source; plugin B only has its own prepare.
// prepareVmi must run A's extensions as conversion does: with A's options and name, the VMI,
// and warnings attributed to A.

interface AOptions { networkName: string; imageDirectory: string }

function seenBy(context: ExtensionContext<AOptions>): string {
  return `${context.plugin} ${context.options.networkName} ${context.options.imageDirectory} ${context.vmi.metadata?.name ?? '(no VMI)'}`;
}

function providerPlugin(seen: string[]): PluginManifest {
  return definePlugin<AOptions>({
    specificationVersion: 'v1',
    name: 'A',
    version: '1.0.0',
    core: '^0.1.0',
    networkBindings: [{
      name: 'a-bridge',
      configureInterface(_vmiInterface, _network, domainInterface) { domainInterface.type = 'network'; },
      async prepare(vmiInterface, _network, host, context) {
        seen.push(`binding: ${seenBy(context)}`);
        context.warn(`interface ${vmiInterface.name}`, 'the bridge has no uplink');
        await host.ensureNetwork(context.options.networkName, `<network><name>${context.options.networkName}</name></network>`);
      },
    }],
    volumeSources: [{
      kind: 'emptyDisk',
      resolve(volume, context) {
        seen.push(`resolve: ${seenBy(context)}`);
        return { type: 'file', path: `${context.options.imageDirectory}/${context.vmi.metadata?.name ?? ''}-${volume.name}.qcow2`, format: 'qcow2' };
      },
      async prepare(_volume, resolved, host, context) {
        seen.push(`volume: ${seenBy(context)}`);
        await host.createDiskImage({ path: resolved.path, format: 'qcow2', sizeBytes: 1n << 30n });
      },
    }],
  });
}

function consumerPlugin(seen: string[]): PluginManifest {
  return definePlugin<{ label: string }>({
    specificationVersion: 'v1',
    name: 'B',
    version: '1.0.0',
    core: '^0.1.0',
    prepare(_vmi, _host, context) {
      seen.push(`prepare: ${context.plugin} ${context.options.label}`);
      return Promise.resolve();
    },
  });
}

const vmi: VirtualMachineInstance = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name: 'tiny', namespace: 'lab' },
  spec: {
    domain: { devices: { interfaces: [{ name: 'lan', binding: { name: 'a-bridge' } }], disks: [{ name: 'scratch', disk: { bus: 'virtio' } }] } },
    networks: [{ name: 'lan', multus: { networkName: 'lan' } }],
    volumes: [{ name: 'scratch', emptyDisk: { capacity: '1Gi' } }],
  },
};

describe('prepareVmi', () => {
  it("runs volume sources and bindings with their providing plugin's options and the VMI, warnings attributed to it", async () => {
    const seen: string[] = [];
    const converter = createConverter({
      plugins: [providerPlugin(seen), consumerPlugin(seen)],
      options: { A: { networkName: 'a-net', imageDirectory: '/images/a' }, B: { label: 'b-options' } },
    });
    const host = new RecordingHostOperations();
    const warnings = await prepareVmi(vmi, converter, defaultConverterContext(), host);
    expect(seen).toEqual([
      'prepare: B b-options',
      'resolve: A a-net /images/a tiny',
      'volume: A a-net /images/a tiny',
      'binding: A a-net /images/a tiny',
    ]);
    expect(host.calls.map((call) => call.operation === 'createDiskImage' ? `disk ${call.request.path}` : call.operation === 'ensureNetwork' ? `network ${call.name}` : call.operation))
      .toEqual(['disk /images/a/tiny-scratch.qcow2', 'network a-net']);
    expect(warnings).toEqual([{ path: 'interface lan', reason: 'the bridge has no uplink', severity: 'warning', rule: 'A' }]);
  });

  it('runs no binding prepare for an interface being unplugged (state: absent)', async () => {
    const seen: string[] = [];
    const converter = createConverter({ plugins: [providerPlugin(seen)], options: { A: { networkName: 'a-net', imageDirectory: '/images/a' } } });
    const unplugging: VirtualMachineInstance = {
      ...vmi,
      spec: { ...vmi.spec, domain: { devices: { interfaces: [{ name: 'lan', binding: { name: 'a-bridge' }, state: 'absent' }] } }, volumes: [] },
    };
    const host = new RecordingHostOperations();
    await prepareVmi(unplugging, converter, defaultConverterContext(), host);
    expect(seen).toEqual([]);
    expect(host.calls).toEqual([]);
  });
});
