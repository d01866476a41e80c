import { tryParseQuantity } from '../../quantity/parse-quantity.ts';
import type { Quantity } from '../../quantity/quantity.ts';
import type { VirtualMachineInstance } from '../../types.ts';
import { isObject, listAt, objectAt, VOLUMES } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

/**
 * Every quantity parses as Kubernetes parses it and is not negative; requests stay within limits
 * (Kubernetes' pod validation), and guest memory within the memory limit (KubeVirt's admitter).
 */
export const quantityRule: VmiRule = {
  name: 'quantities',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    const parsed = new Map<string, Quantity>();
    const check = (path: string, value: unknown): void => {
      if (value === undefined || value === null || (typeof value !== 'string' && typeof value !== 'number')) return;
      const result = tryParseQuantity(value);
      if (!result.ok) {
        problems.push({ path, reason: `invalid quantity ${JSON.stringify(value)}: ${result.reason}`, severity: 'error', rule: 'quantities' });
      } else if (result.quantity.nanos < 0n) {
        problems.push({ path, reason: `must not be negative, got ${String(value)}`, severity: 'error', rule: 'quantities' });
      } else {
        parsed.set(path, result.quantity);
      }
    };

    const resources = objectAt(vmi, 'spec', 'domain', 'resources');
    for (const side of ['requests', 'limits']) {
      const list = resources?.[side];
      if (!isObject(list)) continue;
      for (const [resource, value] of Object.entries(list)) check(`spec.domain.resources.${side}.${resource}`, value);
    }
    const memory = objectAt(vmi, 'spec', 'domain', 'memory');
    check('spec.domain.memory.guest', memory?.guest);
    check('spec.domain.memory.maxGuest', memory?.maxGuest);
    check('spec.domain.memory.hugepages.pageSize', objectAt(memory, 'hugepages')?.pageSize);
    for (const { item, path } of listAt(vmi, ...VOLUMES)) {
      check(`${path}.emptyDisk.capacity`, objectAt(item, 'emptyDisk')?.capacity);
      check(`${path}.hostDisk.capacity`, objectAt(item, 'hostDisk')?.capacity);
    }

    const atMost = (smallerPath: string, largerPath: string, what: string): void => {
      const smaller = parsed.get(smallerPath);
      const larger = parsed.get(largerPath);
      if (smaller !== undefined && larger !== undefined && smaller.nanos > larger.nanos) {
        problems.push({ path: smallerPath, reason: `${what} is more than ${largerPath}`, severity: 'error', rule: 'quantities' });
      }
    };
    for (const resource of Object.keys(objectAt(resources, 'requests') ?? {})) {
      atMost(`spec.domain.resources.requests.${resource}`, `spec.domain.resources.limits.${resource}`, `the ${resource} request`);
    }
    atMost('spec.domain.memory.guest', 'spec.domain.resources.limits.memory', 'guest memory');
    atMost('spec.domain.memory.guest', 'spec.domain.memory.maxGuest', 'guest memory');
    return problems;
  },
};
