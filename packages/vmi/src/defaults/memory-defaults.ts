import { tryParseQuantity } from '../quantity/parse-quantity.ts';
import type { DomainSpec } from '../types.ts';

/**
 * Guest memory from the memory request, else the limit, else the hugepage size (KubeVirt:
 * setGuestMemory). Zero or unparsable quantities do not count, as `IsZero()` says there.
 */
export function defaultGuestMemory(domain: DomainSpec): void {
  if (domain.memory?.guest !== undefined) return;
  const guest =
    nonZero(domain.resources?.requests?.memory) ??
    nonZero(domain.resources?.limits?.memory) ??
    nonZero(domain.memory?.hugepages?.pageSize);
  domain.memory ??= {};
  if (guest !== undefined) domain.memory.guest = guest;
}

function nonZero(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = tryParseQuantity(value);
  return parsed.ok && parsed.quantity.nanos !== 0n ? value : undefined;
}
