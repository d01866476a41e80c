import type { ConfigureContext } from '@kvmkit/core';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import { guestMemory } from './guest-memory.ts';
import type { HugepagesOptions } from './options.ts';
import { describeBytes, PAGE_SIZE_PATH, pageSizeBytes, wantsHugepages } from './page-size.ts';
import { problem } from './problem.ts';

export const MEMORY_BACKING_CONFIGURATOR = 'hugepages:memory-backing';

/**
 * KubeVirt's `validateHugepagesMemoryRequests` (a page size that parses; guest memory at least one
 * page and a whole number of pages), plus what libvirt checks when QEMU starts: the host must have
 * pages of that size (`context.host.hugepageSizesKiB`), and a size is a whole number of KiB.
 */
export function validateMemoryBacking(vmi: VirtualMachineInstance, context: ConfigureContext<HugepagesOptions>): VmiProblem[] {
  if (!wantsHugepages(vmi)) return [];
  const rule = MEMORY_BACKING_CONFIGURATOR;
  const written = vmi.spec.domain.memory?.hugepages?.pageSize;
  if (written === undefined || written === '') return [problem(rule, PAGE_SIZE_PATH, 'a page size is required when hugepages are requested (2Mi or 1Gi on x86_64)')];
  const pageBytes = pageSizeBytes(vmi);
  // A malformed size is reported by the core `quantities` rule.
  if (pageBytes === undefined) return [];
  if (pageBytes <= 0n || pageBytes % 1024n !== 0n) return [problem(rule, PAGE_SIZE_PATH, `'${written}' is not a whole, positive number of KiB`)];

  const problems: VmiProblem[] = [];
  const available = context.host.hugepageSizesKiB;
  if (!available.includes(Number(pageBytes / 1024n))) {
    const sizes = available.map((kib) => describeBytes(BigInt(kib) * 1024n)).join(', ') || 'none';
    problems.push(problem(rule, PAGE_SIZE_PATH, `the host has no ${describeBytes(pageBytes)} huge pages (it has: ${sizes})`));
  }
  const guest = guestMemory(vmi);
  if (guest !== undefined) {
    if (guest.bytes < pageBytes) {
      problems.push(problem(rule, guest.path, `${describeBytes(guest.bytes)} of guest memory is less than one ${describeBytes(pageBytes)} huge page`));
    } else if (guest.bytes % pageBytes !== 0n) {
      problems.push(problem(rule, guest.path, `${describeBytes(guest.bytes)} of guest memory is not a multiple of the ${describeBytes(pageBytes)} huge page size`));
    }
  }
  return problems;
}
