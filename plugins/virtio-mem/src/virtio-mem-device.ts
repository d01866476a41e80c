import type { MemoryDevice } from '@kvmkit/domain-xml';
import type { HotplugPlan } from './hotplug-plan.ts';

/** Bytes as libvirt's KiB (every size here is block aligned, so nothing is lost). */
export function kib(bytes: bigint): { value: number; unit: string } {
  return { value: Number(bytes / 1024n), unit: 'KiB' };
}

/**
 * The virtio-mem device of a plan: it can plug `maxGuest − boot` in `block` steps on guest NUMA
 * node 0, and is asked to plug `guest − boot` now.
 */
export function virtioMemDevice(plan: HotplugPlan): MemoryDevice {
  return {
    model: 'virtio-mem',
    target: {
      size: kib(plan.maxBytes - plan.bootBytes),
      node: 0,
      block: kib(plan.blockBytes),
      requested: kib(plan.guestBytes - plan.bootBytes),
    },
  };
}
