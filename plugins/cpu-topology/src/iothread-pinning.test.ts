import { createConverter, defaultConverterContext, definePlugin, type PluginManifest } from '@kvmkit/core';
import { validateDomainXml } from '@kvmkit/testing';
import { withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { cpuTopologyPlugin } from './plugin.ts';

/** Stands in for the disk configurators: memory, an OS type and two IO threads. */
const ioThreadsPlugin: PluginManifest = definePlugin({
  specificationVersion: 'v1',
  name: 'test:iothreads',
  version: '0.0.0',
  core: '^0.1.0',
  configurators: [{
    specificationVersion: 'v1',
    name: 'test:iothreads',
    configure(_vmi, domain) {
      domain.memory = { value: 256, unit: 'MiB' };
      domain.os = { type: { value: 'hvm' } };
      domain.iothreads = 2;
      domain.iothreadids = { iothreads: [{ id: 1 }, { id: 2 }] };
    },
  }],
});

function dedicatedVmi(isolateEmulatorThread: boolean): VirtualMachineInstance {
  return withDefaults({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'iothreads', namespace: 'lab' },
    spec: { domain: { devices: {}, memory: { guest: '256Mi' }, cpu: { cores: 2, dedicatedCpuPlacement: true, isolateEmulatorThread } } },
  });
}

function convert(isolateEmulatorThread: boolean) {
  const converter = createConverter({ plugins: [ioThreadsPlugin, cpuTopologyPlugin], options: { 'cpu-topology': { dedicatedCpuSet: '4-6' } } });
  return converter.convert(dedicatedVmi(isolateEmulatorThread), defaultConverterContext({ virtType: 'qemu' }));
}

describe('IO thread pinning', () => {
  it('puts IO threads on the isolated emulator CPU', async () => {
    const { domain, xml } = convert(true);
    expect(domain.cputune?.vcpupins).toEqual([{ vcpu: 0, cpuset: '4' }, { vcpu: 1, cpuset: '5' }]);
    expect(domain.cputune?.emulatorpin).toEqual({ cpuset: '6' });
    expect(domain.cputune?.iothreadpins).toEqual([{ iothread: 1, cpuset: '6' }, { iothread: 2, cpuset: '6' }]);
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });

  it('shares the vCPUs\' CPUs with IO threads when the emulator thread is not isolated', () => {
    const { domain } = convert(false);
    expect(domain.cputune?.emulatorpin).toBeUndefined();
    expect(domain.cputune?.iothreadpins).toEqual([{ iothread: 1, cpuset: '4-5' }, { iothread: 2, cpuset: '4-5' }]);
  });
});
