import type { Configurator } from '@kvmkit/core';
import { ensureSingleNumaCell } from '@kvmkit/domain-xml';
import { vcpuCountOf } from '@kvmkit/vmi';
import { hotplugPlan } from './hotplug-plan.ts';
import { HOTPLUG_CONFIGURATOR, validateHotplug } from './hotplug-rules.ts';
import type { VirtioMemOptions } from './options.ts';
import { kib, virtioMemDevice } from './virtio-mem-device.ts';

/**
 * `spec.domain.memory.maxGuest` → `<maxMemory slots>`, `<memory>` (libvirt's total: boot memory
 * plus the device), one guest NUMA cell with the boot memory, and a virtio-mem `<memory>` device
 * whose `requested` size is the guest memory above the boot memory.
 */
export const hotplugConfigurator: Configurator<VirtioMemOptions> = {
  specificationVersion: 'v1',
  name: HOTPLUG_CONFIGURATOR,
  // It replaces the memory size base:memory wrote, and the NUMA cell needs the vCPU count.
  after: ['base:memory', 'cpu-topology:topology'],
  validate: validateHotplug,
  configure(vmi, domain, { options }) {
    const plan = hotplugPlan(vmi);
    if (plan === undefined) return;
    domain.maxMemory = { ...kib(plan.maxBytes), slots: options.maxMemorySlots };
    domain.memory = kib(plan.maxBytes);
    // A balloon target below <memory> would take back what virtio-mem plugs; libvirt defaults it.
    delete domain.currentMemory;
    // One guest NUMA cell with every vCPU (`<vcpu>` when a CPU configurator wrote it, else the
    // VMI's topology) and the boot memory, as KubeVirt's converter did for memory hotplug until
    // libvirt 9.6 began to add that cell itself: memory devices need a guest NUMA node, and
    // libvirt 9.0 refuses them without one. A topology another configurator wrote is kept.
    ensureSingleNumaCell(domain, domain.vcpu?.value ?? vcpuCountOf(vmi), plan.bootBytes / 1024n);
    domain.devices = { ...domain.devices, memories: [...(domain.devices?.memories ?? []), virtioMemDevice(plan)] };
  },
};
