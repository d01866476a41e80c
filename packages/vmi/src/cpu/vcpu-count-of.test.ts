import { describe, expect, it } from 'vitest';
import type { Cpu, VirtualMachineInstance } from '../types.ts';
import { vcpuCountOf } from './vcpu-count-of.ts';

function vmiWithCpu(cpu: Cpu | undefined): VirtualMachineInstance {
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'v' }, spec: { domain: { devices: {}, ...(cpu === undefined ? {} : { cpu }) } } };
}

describe('vcpuCountOf', () => {
  it('is 1 without a CPU section', () => {
    expect(vcpuCountOf(vmiWithCpu(undefined))).toBe(1);
  });

  it('multiplies sockets, cores and threads, reading a missing count as 1', () => {
    expect(vcpuCountOf(vmiWithCpu({ sockets: 2, cores: 3, threads: 2 }))).toBe(12);
    expect(vcpuCountOf(vmiWithCpu({ cores: 4 }))).toBe(4);
    expect(vcpuCountOf(vmiWithCpu({ sockets: 3 }))).toBe(3);
  });

  it('counts maxSockets instead of sockets when vCPU hotplug is on', () => {
    expect(vcpuCountOf(vmiWithCpu({ sockets: 1, maxSockets: 4, cores: 2 }))).toBe(8);
  });
});
