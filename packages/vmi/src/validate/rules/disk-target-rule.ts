import type { VirtualMachineInstance } from '../../types.ts';
import { DISKS, listAt, objectAt, stringAt } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

const TARGETS = ['disk', 'cdrom', 'lun'] as const;
const SERIAL_CHARACTERS = /^[A-Za-z0-9_.+-]+$/;

/** What KubeVirt's disk admitter allows per target type and bus (pkg/storage/admitters/disks.go). */
export const diskTargetRule: VmiRule = {
  name: 'disk-target',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    const problem = (path: string, reason: string): void => {
      problems.push({ path, reason, severity: 'error', rule: 'disk-target' });
    };
    for (const { item: disk, path } of listAt(vmi, ...DISKS)) {
      const present = TARGETS.filter((target) => objectAt(disk, target) !== undefined);
      if (present.length > 1) problem(path, `has ${present.join(' and ')}; a disk has one target type`);

      const cdromBus = stringAt(objectAt(disk, 'cdrom'), 'bus');
      if (cdromBus === 'virtio') problem(`${path}.cdrom.bus`, 'a CD-ROM cannot be on the virtio bus; use sata or scsi');

      const target = objectAt(disk, 'disk');
      const bus = stringAt(target, 'bus');
      if (bus === 'sata' && target?.readonly === true) problem(`${path}.disk.readonly`, 'SATA hard disks cannot be read-only');
      if (stringAt(target, 'pciAddress') !== undefined && bus !== 'virtio') {
        problem(`${path}.disk.pciAddress`, 'a PCI address can only be set on a disk with bus virtio');
      }

      const anyBus = bus ?? cdromBus ?? stringAt(objectAt(disk, 'lun'), 'bus');
      if (disk.dedicatedIOThread === true && anyBus !== 'virtio') {
        problem(`${path}.dedicatedIOThread`, `a dedicated IO thread needs bus virtio, not ${anyBus ?? 'the default bus'}`);
      }
      const serial = stringAt(disk, 'serial');
      if (serial !== undefined && !SERIAL_CHARACTERS.test(serial)) {
        problem(`${path}.serial`, 'may only contain A-Z a-z 0-9 _ . + -');
      }
    }
    return problems;
  },
};
