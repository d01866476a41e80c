import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { bytesOf } from './byte-quantity.ts';

/** QEMU's recommended virtio-mem block: a transparent huge page on x86_64 (KubeVirt: 2Mi). */
export const DEFAULT_BLOCK_BYTES = 2n * 1024n * 1024n;
/** The block when memory is backed by 1Gi huge pages (KubeVirt: one page per block). */
export const ONE_GIB = 1024n * 1024n * 1024n;

/** The memory layout of a VMI that can grow its memory at run time. */
export interface HotplugPlan {
  /** Memory the guest booted with: its NUMA cell (KubeVirt: `status.memory.guestAtBoot`). */
  bootBytes: bigint;
  /** `spec.domain.memory.guest`: what the guest should have now. */
  guestBytes: bigint;
  /** `spec.domain.memory.maxGuest`: the ceiling. */
  maxBytes: bigint;
  /** virtio-mem block size: memory is plugged and unplugged in these steps. */
  blockBytes: bigint;
}

/** Guest memory as the domain is sized: `memory.guest`, else the request, else the limit. */
export function guestBytesOf(vmi: VirtualMachineInstance): bigint | undefined {
  const { memory, resources } = vmi.spec.domain;
  return bytesOf(memory?.guest) ?? bytesOf(resources?.requests?.memory) ?? bytesOf(resources?.limits?.memory);
}

/** 2Mi, or 1Gi when the guest memory is on 1Gi huge pages (KubeVirt's hotplug block alignment). */
export function blockBytesOf(vmi: VirtualMachineInstance): bigint {
  return bytesOf(vmi.spec.domain.memory?.hugepages?.pageSize) === ONE_GIB ? ONE_GIB : DEFAULT_BLOCK_BYTES;
}

/**
 * The hotplug layout, or undefined when the VMI cannot grow: no `maxGuest`, or a guest that boots
 * with all of it (KubeVirt then sizes the domain as usual).
 */
export function hotplugPlan(vmi: VirtualMachineInstance): HotplugPlan | undefined {
  const maxBytes = bytesOf(vmi.spec.domain.memory?.maxGuest);
  const guestBytes = guestBytesOf(vmi);
  if (maxBytes === undefined || guestBytes === undefined) return undefined;
  const bootBytes = bytesOf(vmi.status?.memory?.guestAtBoot) ?? guestBytes;
  if (bootBytes >= maxBytes) return undefined;
  return { bootBytes, guestBytes, maxBytes, blockBytes: blockBytesOf(vmi) };
}
