import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { baseMemoryStandInPlugin } from '@kvmkit/core/testing';
import { withDefaults, type VirtualMachineInstance, type VmiProblem } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { virtioMemPlugin } from './plugin.ts';

type Spec = VirtualMachineInstance['spec'];

function vmiWith(domain: Partial<Spec['domain']>, extra: Partial<VirtualMachineInstance> = {}, specExtra: Partial<Spec> = {}): VirtualMachineInstance {
  const vmi: VirtualMachineInstance = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'rules' },
    spec: { domain: { devices: {}, ...domain }, ...specExtra },
    ...extra,
  };
  return vmi;
}

/** The problems this plugin's rule reports (core rules filtered out), from a real converter. */
function problemsOf(vmi: VirtualMachineInstance, context = defaultConverterContext()): VmiProblem[] {
  const converter = createConverter({ plugins: [baseMemoryStandInPlugin, virtioMemPlugin] });
  return converter.validate(withDefaults(vmi), context).filter((found) => found.rule === 'virtio-mem:hotplug');
}

const error = (path: string, reason: string): VmiProblem => ({ path, reason, severity: 'error', rule: 'virtio-mem:hotplug' });

describe('virtio-mem admission rules', () => {
  it('accepts aligned sizes from 1Gi up, and VMIs without maxGuest', () => {
    expect(problemsOf(vmiWith({ memory: { guest: '1Gi', maxGuest: '4Gi' } }))).toEqual([]);
    expect(problemsOf(vmiWith({ memory: { guest: '2Gi', maxGuest: '8Gi', hugepages: { pageSize: '1Gi' } } }))).toEqual([]);
    expect(problemsOf(vmiWith({ memory: { guest: '100Mi' } }))).toEqual([]);
  });

  it('needs at least 1Gi of guest memory', () => {
    expect(problemsOf(vmiWith({ memory: { guest: '512Mi', maxGuest: '2Gi' } }))).toEqual([error('spec.domain.memory.guest', 'memory hotplug needs at least 1Gi of guest memory')]);
  });

  it('needs guest memory and maxGuest aligned to 2Mi blocks', () => {
    expect(problemsOf(vmiWith({ memory: { guest: '1025Mi', maxGuest: '2049Mi' } }))).toEqual([
      error('spec.domain.memory.guest', 'must be 2Mi aligned for memory hotplug'),
      error('spec.domain.memory.maxGuest', 'must be 2Mi aligned for memory hotplug'),
    ]);
  });

  it('needs 1Gi alignment with 1Gi huge pages', () => {
    expect(problemsOf(vmiWith({ memory: { guest: '2Gi', maxGuest: '3584Mi', hugepages: { pageSize: '1Gi' } } }))).toEqual([
      error('spec.domain.memory.maxGuest', 'must be 1Gi aligned for memory hotplug'),
    ]);
  });

  it('needs the guest memory size', () => {
    const converter = createConverter({ plugins: [baseMemoryStandInPlugin, virtioMemPlugin] });
    const problems = converter.validate(vmiWith({ memory: { maxGuest: '2Gi', hugepages: { pageSize: '2Mi' } } }), defaultConverterContext());
    expect(problems.filter((found) => found.rule === 'virtio-mem:hotplug')).toEqual([error('spec.domain.memory.guest', 'guest memory must be given when memory hotplug (maxGuest) is on')]);
  });

  it('is x86_64 only', () => {
    expect(problemsOf(vmiWith({ memory: { guest: '1Gi', maxGuest: '2Gi' } }, {}, { architecture: 'arm64' }), defaultConverterContext({ architecture: 'aarch64' }))).toEqual([
      error('spec.architecture', 'memory hotplug is only available for x86_64 guests, not arm64'),
    ]);
  });

  it('refuses realtime, guest NUMA mapping and launch security', () => {
    const vmi = vmiWith({
      memory: { guest: '1Gi', maxGuest: '2Gi' },
      cpu: { realtime: {}, numa: { guestMappingPassthrough: {} }, dedicatedCpuPlacement: true },
      launchSecurity: { sev: {} },
    });
    expect(problemsOf(vmi)).toEqual([
      error('spec.domain.cpu.realtime', 'memory hotplug is not compatible with realtime guests'),
      error('spec.domain.cpu.numa.guestMappingPassthrough', 'memory hotplug is not compatible with a guest NUMA mapping'),
      error('spec.domain.launchSecurity', 'memory hotplug is not compatible with encrypted guests'),
    ]);
  });

  it('refuses shrinking below the boot memory and an unaligned boot memory', () => {
    expect(problemsOf(vmiWith({ memory: { guest: '1Gi', maxGuest: '4Gi' } }, { status: { memory: { guestAtBoot: '2Gi' } } }))).toEqual([
      error('spec.domain.memory.guest', 'cannot be less than the 2Gi the guest booted with'),
    ]);
    expect(problemsOf(vmiWith({ memory: { guest: '2Gi', maxGuest: '4Gi' } }, { status: { memory: { guestAtBoot: '1025Mi' } } }))).toEqual([
      error('status.memory.guestAtBoot', 'must be 2Mi aligned for memory hotplug'),
    ]);
  });

  it('refuses a maxMemorySlots option below 1 when the plugin is registered', () => {
    expect(() => createConverter({ plugins: [baseMemoryStandInPlugin, virtioMemPlugin], options: { 'virtio-mem': { maxMemorySlots: 0 } } })).toThrow(/maxMemorySlots/);
  });
});
