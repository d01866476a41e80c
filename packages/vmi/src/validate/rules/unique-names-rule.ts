import type { VirtualMachineInstance } from '../../types.ts';
import { DISKS, FILESYSTEMS, INTERFACES, listAt, NETWORKS, stringAt, VOLUMES } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

const NAMED_LISTS = [DISKS, FILESYSTEMS, VOLUMES, INTERFACES, NETWORKS];

/** Disks, filesystems, volumes, interfaces and networks are each looked up by name: names must be unique. */
export const uniqueNamesRule: VmiRule = {
  name: 'unique-names',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    for (const keys of NAMED_LISTS) {
      const firstUse = new Map<string, string>();
      for (const { item, path } of listAt(vmi, ...keys)) {
        const name = stringAt(item, 'name');
        if (name === undefined) continue;
        const earlier = firstUse.get(name);
        if (earlier === undefined) {
          firstUse.set(name, path);
          continue;
        }
        problems.push({
          path: `${path}.name`,
          reason: `duplicate name "${name}", already used by ${earlier}`,
          severity: 'error',
          rule: 'unique-names',
        });
      }
    }
    return problems;
  },
};
