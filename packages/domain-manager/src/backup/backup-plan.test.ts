import { KvmkitError } from '@kvmkit/core';
import type { Domain } from '@kvmkit/domain-xml';
import { describe, expect, it } from 'vitest';
import { backupPlan } from './backup-plan.ts';

const domain: Domain = {
  type: 'kvm',
  name: 'tests_guest',
  devices: {
    disks: [
      { device: 'disk', target: { dev: 'vda' } },
      { device: 'cdrom', target: { dev: 'sda' } },
      { device: 'disk', target: { dev: 'vdb' } },
    ],
  },
};

function codeAndPath(run: () => unknown): [string, unknown] {
  try {
    run();
  } catch (error) {
    if (KvmkitError.isInstance(error)) return [error.code, error.details.path];
    throw error;
  }
  throw new Error('expected an error');
}

describe('backupPlan', () => {
  it('backs up the named disks into the target directory and leaves the others out', () => {
    expect(backupPlan(domain, { targetDirectory: '/backups', checkpointName: 'c1', disks: ['vdb'] }, 'tests/guest')).toEqual([
      { disk: 'vda' },
      { disk: 'vdb', path: '/backups/vdb.c1.qcow2' },
    ]);
  });

  it('backs up every writable disk when none are named (not the CD-ROM)', () => {
    expect(backupPlan(domain, { targetDirectory: '/backups', checkpointName: 'c1' }, 'tests/guest').map((disk) => disk.path)).toEqual(['/backups/vda.c1.qcow2', '/backups/vdb.c1.qcow2']);
  });

  it('names the field of a bad request', () => {
    expect(codeAndPath(() => backupPlan(domain, { targetDirectory: '/b', checkpointName: 'c1', disks: ['vdb', 'sda'] }, 'v'))).toEqual(['INVALID_REQUEST', 'disks[1]']);
    expect(codeAndPath(() => backupPlan(domain, { targetDirectory: 'relative', checkpointName: 'c1' }, 'v'))).toEqual(['INVALID_REQUEST', 'targetDirectory']);
    expect(codeAndPath(() => backupPlan(domain, { targetDirectory: '/b', checkpointName: '../x' }, 'v'))).toEqual(['INVALID_REQUEST', 'checkpointName']);
  });
});
