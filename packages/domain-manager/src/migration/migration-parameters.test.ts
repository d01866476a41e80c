import { MigrateFlags } from '@kvmkit/libvirt-rpc';
import { describe, expect, it } from 'vitest';
import { migrationCall } from './migration-parameters.ts';

const destinationUri = 'qemu+tcp://node-b/system';

describe('migrationCall', () => {
  it('asks for a live peer-to-peer migration, persisted on the target and undefined on the source', () => {
    const { flags, params } = migrationCall('tests/guest', { destinationUri }, undefined);
    expect(flags).toBe(MigrateFlags.LIVE | MigrateFlags.PEER2PEER | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE);
    expect(flags).toBe(1 + 2 + 8 + 16);
    expect(params).toEqual([]);
  });

  it('passes the migration URI, the target domain (running and persistent), the bandwidth and post-copy', () => {
    const { flags, params } = migrationCall('tests/guest', { destinationUri, migrateUri: 'tcp://10.0.0.2', bandwidthMiBps: 64, allowPostCopy: true }, '<domain/>');
    expect(flags & MigrateFlags.POSTCOPY).toBe(32768);
    expect(params).toEqual([
      { field: 'migrate_uri', type: 'string', value: 'tcp://10.0.0.2' },
      { field: 'destination_xml', type: 'string', value: '<domain/>' },
      { field: 'persistent_xml', type: 'string', value: '<domain/>' },
      { field: 'bandwidth', type: 'ullong', value: 64n },
    ]);
  });

  it('refuses an empty destination and a bandwidth that is not a positive whole number, naming the field', () => {
    expect(() => migrationCall('tests/guest', { destinationUri: ' ' }, undefined)).toThrow(/^destinationUri: /);
    for (const bandwidthMiBps of [0, -1, 1.5, Number.NaN]) {
      expect(() => migrationCall('tests/guest', { destinationUri, bandwidthMiBps }, undefined)).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST', message: expect.stringMatching(/^bandwidthMiBps: /) as unknown }));
    }
  });
});
