import { quantityToBytes, type VirtualMachineInstance } from '@kvmkit/vmi';
import type { BaseConfigurator } from '../base-configurator.ts';

/**
 * The guest's memory in bytes, as KubeVirt's converter picks it: `memory.guest`, else the
 * memory request, else the memory limit. Undefined when the VMI gives none (validation says so).
 */
export function guestMemoryBytes(vmi: VirtualMachineInstance): bigint | undefined {
  const { memory, resources } = vmi.spec.domain;
  const quantity = memory?.guest ?? resources?.requests?.memory ?? resources?.limits?.memory;
  return quantity === undefined ? undefined : quantityToBytes(quantity);
}

/**
 * Memory size. Reads `spec.domain.memory.guest`, `resources.requests.memory`,
 * `resources.limits.memory`; writes `<memory unit='b'>`. The pod overhead KubeVirt adds to the
 * limit concerns the pod, not the domain, so nothing is added here; `memory.maxGuest` (hotplug)
 * belongs to the virtio-mem plugin.
 */
export const memoryConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:memory',
  phase: 'pre',
  configure(vmi, domain) {
    const bytes = guestMemoryBytes(vmi);
    if (bytes === undefined) throw new Error('spec.domain.memory.guest: no memory size (guest, request or limit) is given');
    domain.memory = { value: Number(bytes), unit: 'b' };
  },
};
