import { tryParseQuantity } from '../../quantity/parse-quantity.ts';
import type { VirtualMachineInstance } from '../../types.ts';
import { objectAt } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

const ONE_MEGABYTE_NANOS = 1_000_000n * 1_000_000_000n;

/**
 * A VMI says how much memory its guest has (KubeVirt's validateMemoryIsProvided), and a memory
 * request is at least 1M (validateMemoryRequestsNegativeOrNull). Malformed values are the
 * quantity rule's to report.
 */
export const memoryRule: VmiRule = {
  name: 'memory',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const domain = objectAt(vmi, 'spec', 'domain');
    const request = quantityNanos(objectAt(domain, 'resources', 'requests')?.memory);
    const limit = quantityNanos(objectAt(domain, 'resources', 'limits')?.memory);
    const memory = objectAt(domain, 'memory');
    const problems: VmiProblem[] = [];
    if (request !== undefined && request > 0n && request < ONE_MEGABYTE_NANOS) {
      problems.push({ path: 'spec.domain.resources.requests.memory', reason: 'must be at least 1M', severity: 'error', rule: 'memory' });
    }
    const given = [request, limit, quantityNanos(memory?.guest)].some((value) => value !== undefined && value !== 0n);
    if (!given && objectAt(memory, 'hugepages') === undefined) {
      problems.push({
        path: 'spec.domain.memory.guest',
        reason: 'no memory given: set spec.domain.memory.guest or spec.domain.resources.requests.memory',
        severity: 'error',
        rule: 'memory',
      });
    }
    return problems;
  },
};

function quantityNanos(value: unknown): bigint | undefined {
  const parsed = tryParseQuantity(value);
  return parsed.ok ? parsed.quantity.nanos : undefined;
}
