import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { bytesOf } from './byte-quantity.ts';

export const PAGE_SIZE_PATH = 'spec.domain.memory.hugepages.pageSize';

/** The requested huge page size in bytes; undefined without `hugepages` or with a malformed size. */
export function pageSizeBytes(vmi: VirtualMachineInstance): bigint | undefined {
  return bytesOf(vmi.spec.domain.memory?.hugepages?.pageSize);
}

/** Whether the VMI asks for huge pages at all (`hugepages: {}` counts, as in KubeVirt). */
export function wantsHugepages(vmi: VirtualMachineInstance): boolean {
  return vmi.spec.domain.memory?.hugepages !== undefined;
}

/** `2097152` → `2Mi`, for messages in the units users write. */
export function describeBytes(bytes: bigint): string {
  for (const [suffix, size] of [['Gi', 1n << 30n], ['Mi', 1n << 20n], ['Ki', 1n << 10n]] as const) {
    if (bytes >= size && bytes % size === 0n) return `${String(bytes / size)}${suffix}`;
  }
  return String(bytes);
}
