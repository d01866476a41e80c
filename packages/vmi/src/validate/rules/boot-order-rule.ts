import type { VirtualMachineInstance } from '../../types.ts';
import { DISKS, INTERFACES, listAt } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

/** Boot orders start at 1 and no two devices share one (KubeVirt's validateBootOrder). */
export const bootOrderRule: VmiRule = {
  name: 'boot-order',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    const firstUse = new Map<number, string>();
    for (const { item, path } of [...listAt(vmi, ...DISKS), ...listAt(vmi, ...INTERFACES)]) {
      const order = item.bootOrder;
      if (typeof order !== 'number' || !Number.isInteger(order)) continue;
      const at = `${path}.bootOrder`;
      if (order < 1) {
        problems.push({ path: at, reason: `must be 1 or more, got ${order}`, severity: 'error', rule: 'boot-order' });
        continue;
      }
      const earlier = firstUse.get(order);
      if (earlier === undefined) firstUse.set(order, at);
      else problems.push({ path: at, reason: `boot order ${order} is already used by ${earlier}`, severity: 'error', rule: 'boot-order' });
    }
    return problems;
  },
};
