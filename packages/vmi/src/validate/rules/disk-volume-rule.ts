import type { VirtualMachineInstance } from '../../types.ts';
import { DISKS, FILESYSTEMS, listAt, objectAt, stringAt, VOLUMES, type JsonObject } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

/**
 * Every disk and filesystem needs a volume of its name (KubeVirt's validateBootOrder and
 * filesystem checks); a LUN only fits a PVC or DataVolume. A volume without a disk is fine:
 * `withDefaults` gives it one, as KubeVirt does.
 */
export const diskVolumeRule: VmiRule = {
  name: 'disk-volume-match',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    const volumes = new Map<string, JsonObject>();
    for (const { item } of listAt(vmi, ...VOLUMES)) {
      const name = stringAt(item, 'name');
      if (name !== undefined && !volumes.has(name)) volumes.set(name, item);
    }
    const problem = (path: string, reason: string): void => {
      problems.push({ path, reason, severity: 'error', rule: 'disk-volume-match' });
    };

    for (const { item: disk, path } of listAt(vmi, ...DISKS)) {
      const name = stringAt(disk, 'name');
      if (name === undefined) continue;
      const volume = volumes.get(name);
      if (volume === undefined) {
        problem(
          `${path}.name`,
          objectAt(disk, 'cdrom') === undefined
            ? `no volume named "${name}" in spec.volumes`
            : `no volume named "${name}" in spec.volumes; an empty CD-ROM needs volume hotplug, which kvmkit does not do`,
        );
        continue;
      }
      if (objectAt(disk, 'lun') !== undefined && volume.persistentVolumeClaim === undefined && volume.dataVolume === undefined) {
        problem(`${path}.lun`, `a LUN disk needs a persistentVolumeClaim or dataVolume volume; "${name}" is neither`);
      }
    }
    for (const { item: filesystem, path } of listAt(vmi, ...FILESYSTEMS)) {
      const name = stringAt(filesystem, 'name');
      if (name !== undefined && !volumes.has(name)) problem(`${path}.name`, `no volume named "${name}" in spec.volumes`);
    }
    return problems;
  },
};
