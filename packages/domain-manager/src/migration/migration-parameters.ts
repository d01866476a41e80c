import type { MigrationOptions } from '@kvmkit/core';
import { MigrateFlags, type TypedParam } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';

/** What `domainMigratePerform3Params` gets for one peer-to-peer live migration. */
export interface MigrationCall {
  flags: number;
  params: TypedParam[];
}

/**
 * The flags and typed parameters of a peer-to-peer live migration, as virt-launcher asks for
 * it: live, peer-to-peer (the source daemon talks to the destination daemon itself), defined
 * on the destination and undefined on the source once it arrived. `destinationXml` becomes both
 * the running and the persistent definition on the target.
 */
export function migrationCall(vmi: string, options: MigrationOptions, destinationXml: string | undefined): MigrationCall {
  if (options.destinationUri.trim() === '') {
    throw domainManagerError('INVALID_REQUEST', 'destinationUri: must name the destination libvirt URI', { vmi, path: 'destinationUri' });
  }
  const bandwidth = options.bandwidthMiBps;
  if (bandwidth !== undefined && !(Number.isInteger(bandwidth) && bandwidth > 0)) {
    throw domainManagerError('INVALID_REQUEST', `bandwidthMiBps: must be a whole number of MiB/s above 0, got ${bandwidth}`, { vmi, path: 'bandwidthMiBps' });
  }
  let flags = MigrateFlags.LIVE | MigrateFlags.PEER2PEER | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE;
  if (options.allowPostCopy === true) flags |= MigrateFlags.POSTCOPY;
  const params: TypedParam[] = [];
  if (options.migrateUri !== undefined) params.push({ field: 'migrate_uri', type: 'string', value: options.migrateUri });
  if (destinationXml !== undefined) {
    params.push({ field: 'destination_xml', type: 'string', value: destinationXml });
    params.push({ field: 'persistent_xml', type: 'string', value: destinationXml });
  }
  if (bandwidth !== undefined) params.push({ field: 'bandwidth', type: 'ullong', value: BigInt(bandwidth) });
  return { flags, params };
}
