import { validateDomainXml } from '@kvmkit/testing';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { defaultConverterContext } from '../context/converter-context.ts';
import { createConverter } from '../pipeline/create-converter.ts';
import { baseMemoryStandInPlugin } from './base-memory-stand-in-plugin.ts';

describe('baseMemoryStandInPlugin', () => {
  it('writes type, name, memory, vCPUs and a q35 machine that libvirt\'s schema accepts', async () => {
    const vmi: VirtualMachineInstance = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'skeleton' }, spec: { domain: { devices: {}, cpu: { sockets: 2, cores: 2, threads: 2, maxSockets: 4 }, memory: { guest: '1Gi' } } } };
    const { domain, xml } = createConverter({ plugins: [baseMemoryStandInPlugin] }).convert(vmi, defaultConverterContext({ virtType: 'qemu' }));
    expect(domain).toEqual({ type: 'qemu', name: 'skeleton', memory: { value: 1048576, unit: 'KiB' }, vcpu: { value: 8, placement: 'static' }, os: { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' } } });
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });

  it('reads the memory request when there is no guest memory, and runs as base:memory', () => {
    const vmi: VirtualMachineInstance = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'requested' }, spec: { domain: { devices: {}, resources: { requests: { memory: '64Mi' } } } } };
    const { domain } = createConverter({ plugins: [baseMemoryStandInPlugin] }).convert(vmi, defaultConverterContext());
    expect(domain.memory).toEqual({ value: 65536, unit: 'KiB' });
    expect(domain.vcpu).toEqual({ value: 1, placement: 'static' });
    expect((baseMemoryStandInPlugin.configurators ?? []).map((configurator) => configurator.name)).toEqual(['base:memory']);
  });
});
