import { isAbsolute, join } from 'node:path';
import type { BackupOptions } from '@kvmkit/core';
import type { Domain } from '@kvmkit/domain-xml';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import type { BackupDiskPlan } from './backup-xml.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Which of the domain's disks go to which file: `<targetDirectory>/<disk>.<checkpoint>.qcow2` for
 * each requested disk (all writable disks when none are named), nothing for the rest.
 */
export function backupPlan(domain: Domain, options: BackupOptions, vmi: string): BackupDiskPlan[] {
  if (!NAME.test(options.checkpointName)) {
    throw domainManagerError('INVALID_REQUEST', `checkpointName: '${options.checkpointName}' must be letters, digits, '.', '_' or '-'`, { vmi, path: 'checkpointName' });
  }
  if (!isAbsolute(options.targetDirectory)) {
    throw domainManagerError('INVALID_REQUEST', `targetDirectory: '${options.targetDirectory}' must be an absolute path`, { vmi, path: 'targetDirectory' });
  }
  if (options.incrementalFrom !== undefined && !NAME.test(options.incrementalFrom)) {
    throw domainManagerError('INVALID_REQUEST', `incrementalFrom: '${options.incrementalFrom}' is not a checkpoint name`, { vmi, path: 'incrementalFrom' });
  }
  const disks = (domain.devices?.disks ?? []).filter((disk) => (disk.device ?? 'disk') === 'disk' && disk.readonly !== true).map((disk) => disk.target.dev);
  const wanted = options.disks ?? disks;
  wanted.forEach((name, index) => {
    if (!disks.includes(name)) throw domainManagerError('INVALID_REQUEST', `disks[${index}]: the domain has no writable disk '${name}'`, { vmi, path: `disks[${index}]` });
  });
  if (wanted.length === 0) throw domainManagerError('INVALID_REQUEST', 'disks: the domain has no disk to back up', { vmi, path: 'disks' });
  return disks.map((disk) => (wanted.includes(disk) ? { disk, path: join(options.targetDirectory, `${disk}.${options.checkpointName}.qcow2`) } : { disk }));
}
