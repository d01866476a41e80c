import { findDiskByTarget, formatDeviceXml, parseDomainXml, type Disk } from '@kvmkit/domain-xml';
import { DeviceModify, DomainXmlFlags, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import type { EventWaiter } from '../events/domain-event-waiters.ts';
import { isDomainActive } from '../status/is-domain-active.ts';
import { detachLiveByAlias } from './detach-by-alias.ts';


export interface DiskDetachRequest {
  connection: LibvirtConnection;
  domain: Domain;
  vmi: string;
  /** The disk's target device, e.g. `vdb`. */
  targetDev: string;
  waitForEvent: EventWaiter;
  /** How long a live detach waits for the guest to release the disk. */
  timeoutMs: number;
}

/** Attaches a disk to the running domain and its persistent definition (only the latter when stopped). */
export async function attachDisk(connection: LibvirtConnection, domain: Domain, disk: Disk): Promise<void> {
  await connection.domainAttachDeviceFlags(domain, formatDeviceXml('disk', disk), (await isDomainActive(connection, domain)) ? DeviceModify.LIVE | DeviceModify.CONFIG : DeviceModify.CONFIG);
}

/**
 * Detaches the disk with target `targetDev`: from a stopped domain's definition at once; from a
 * running one by alias, complete on the device-removed event, then from its persistent definition.
 */
export async function detachDisk(request: DiskDetachRequest): Promise<void> {
  const { connection, domain, vmi, targetDev } = request;
  const active = await isDomainActive(connection, domain);
  const live = parseDomainXml(await connection.domainGetXmlDesc(domain, active ? 0 : DomainXmlFlags.INACTIVE));
  const disk = findDiskByTarget(live, targetDev);
  if (disk === undefined) throw domainManagerError('INVALID_REQUEST', `targetDev: ${vmi} has no disk '${targetDev}'`, { vmi, path: 'targetDev' });
  if (!active) {
    await connection.domainDetachDeviceFlags(domain, formatDeviceXml('disk', disk), DeviceModify.CONFIG);
    return;
  }
  const alias = disk.alias?.name;
  if (alias === undefined) throw domainManagerError('INVALID_REQUEST', `targetDev: disk '${targetDev}' of ${vmi} has no alias`, { vmi, path: 'targetDev' });
  // By alias only live: the persistent definition carries no runtime aliases.
  await detachLiveByAlias({ waitForEvent: request.waitForEvent, timeoutMs: request.timeoutMs, connection, domain, alias, what: `detach of disk '${targetDev}'`, vmi });
  const persistent = findDiskByTarget(parseDomainXml(await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE)), targetDev);
  if (persistent !== undefined) await connection.domainDetachDeviceFlags(domain, formatDeviceXml('disk', persistent), DeviceModify.CONFIG);
}
