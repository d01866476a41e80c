import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { bytesOf } from './byte-quantity.ts';

/** The guest memory size and the field it came from, so that a problem names that field. */
export interface GuestMemory {
  bytes: bigint;
  path: string;
}

/**
 * The guest memory as KubeVirt sizes the domain (`GetVirtualMemory`, and kvmkit's `withDefaults`):
 * `memory.guest`, else the memory request, else the memory limit. Zero does not count.
 */
export function guestMemory(vmi: VirtualMachineInstance): GuestMemory | undefined {
  const domain = vmi.spec.domain;
  const candidates: [path: string, value: unknown][] = [
    ['spec.domain.memory.guest', domain.memory?.guest],
    ['spec.domain.resources.requests.memory', domain.resources?.requests?.memory],
    ['spec.domain.resources.limits.memory', domain.resources?.limits?.memory],
  ];
  for (const [path, value] of candidates) {
    const bytes = bytesOf(value);
    if (bytes !== undefined && bytes > 0n) return { bytes, path };
  }
  return undefined;
}
