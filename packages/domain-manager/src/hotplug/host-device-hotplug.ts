import { formatDeviceXml, parseDomainXml, type Domain as DomainModel } from '@kvmkit/domain-xml';
import { DeviceModify, DomainXmlFlags, LibvirtError, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { isDomainActive } from '../status/is-domain-active.ts';
import { readStamp } from '../sync/fingerprint.ts';
import type { EventWaiter } from '../events/domain-event-waiters.ts';
import { detachLiveByAlias } from './detach-by-alias.ts';
import { describeHostDevice, type HostDeviceResources } from './host-device-resources.ts';
import { hostDeviceAlias, hostdevFor } from './host-device-xml.ts';
import { resolveHostDevice } from './resolve-host-device.ts';

const HOST_DEVICES_PATH = 'spec.domain.devices.hostDevices';

export interface HostDeviceHotplugRequest {
  connection: LibvirtConnection;
  domain: Domain;
  vmi: string;
  /** The host device's `name` in the VMI's `spec.domain.devices.hostDevices`. */
  name: string;
  attach: boolean;
  resources: HostDeviceResources | undefined;
  waitForEvent: EventWaiter;
  /** How long a live detach waits for the guest to release the device. */
  timeoutMs: number;
}

function hasHostdev(domain: DomainModel, alias: string): boolean {
  return domain.devices?.hostdevs?.some((hostdev) => hostdev.alias?.name === alias) === true;
}

/**
 * Attaches the VMI's host device `name` (live and persistent on a running domain, persistent
 * only on a stopped one), or detaches it: by alias, live first and complete only on the
 * DEVICE_REMOVED event, then from the persistent definition. The VMI is the one last synced,
 * kept in the domain's kvmkit metadata. A device libvirt cannot attach (absent from the host,
 * in use, no IOMMU) is refused by libvirt before QEMU sees it; the domain keeps running.
 */
export async function hotplugHostDevice(request: HostDeviceHotplugRequest): Promise<void> {
  const { connection, domain, vmi, name } = request;
  const active = await isDomainActive(connection, domain);
  const current = parseDomainXml(await connection.domainGetXmlDesc(domain, active ? 0 : DomainXmlFlags.INACTIVE));
  const alias = hostDeviceAlias(name);
  if (request.attach) {
    await attachHostDevice(request, active, hasHostdev(current, alias));
    return;
  }
  const inLive = active && hasHostdev(current, alias);
  const inPersistent = hasHostdev(active ? parseDomainXml(await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE)) : current, alias);
  if (!inLive && !inPersistent) {
    throw domainManagerError('INVALID_REQUEST', `${HOST_DEVICES_PATH}: no host device named '${name}' is attached to ${vmi}`, { vmi, path: HOST_DEVICES_PATH });
  }
  if (inLive) {
    await detachLiveByAlias({ connection, domain, alias, waitForEvent: request.waitForEvent, timeoutMs: request.timeoutMs, what: `detach of host device '${name}'`, vmi });
  }
  // The user alias is kept in the persistent definition too, so it finds the device there.
  if (inPersistent) await connection.domainDetachDeviceAlias(domain, alias, DeviceModify.CONFIG);
}

async function attachHostDevice(request: HostDeviceHotplugRequest, active: boolean, attached: boolean): Promise<void> {
  const { connection, domain, vmi, name } = request;
  const synced = readStamp(await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE)).manifest;
  if (synced === undefined) {
    throw domainManagerError('INVALID_REQUEST', `${HOST_DEVICES_PATH}: the domain of ${vmi} carries no synced VMI to find host device '${name}' in; sync the VMI first`, { vmi, path: HOST_DEVICES_PATH });
  }
  const source = resolveHostDevice(synced, name, request.resources, vmi);
  if (attached) {
    throw domainManagerError('INVALID_REQUEST', `${HOST_DEVICES_PATH}: host device '${name}' is already attached to ${vmi}`, { vmi, path: HOST_DEVICES_PATH });
  }
  try {
    await connection.domainAttachDeviceFlags(domain, formatDeviceXml('hostdev', hostdevFor(name, source)), active ? DeviceModify.LIVE | DeviceModify.CONFIG : DeviceModify.CONFIG);
  } catch (error) {
    if (!(error instanceof LibvirtError)) throw error;
    throw domainManagerError('LIBVIRT_CALL_FAILED', `libvirt refused to attach host device '${name}' (${describeHostDevice(source)}) to ${vmi}: ${error.daemonMessage}`, { vmi, path: HOST_DEVICES_PATH, libvirtCode: error.codeName }, error);
  }
}
