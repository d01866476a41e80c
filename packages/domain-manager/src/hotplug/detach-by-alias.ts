import { DeviceModify, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import type { EventWaiter } from '../events/domain-event-waiters.ts';


export interface LiveDetachRequest {
  connection: LibvirtConnection;
  domain: Domain;
  /** The device's alias in the live domain (`ua-…` or libvirt's own). */
  alias: string;
  waitForEvent: EventWaiter;
  timeoutMs: number;
  /** For the timeout error, e.g. `detach of disk 'sda'`. */
  what: string;
  vmi: string;
}

/**
 * Detaches a device from the running domain by its alias and resolves when libvirt reports it
 * gone (the DEVICE_REMOVED event): a live detach only asks the guest, which may take its time or
 * never let go, so the request returning proves nothing. Rejects with `OPERATION_TIMEOUT` when
 * the event does not come within `timeoutMs`. The persistent definition is the caller's business.
 */
export async function detachLiveByAlias(request: LiveDetachRequest): Promise<void> {
  const { connection, domain, alias } = request;
  // Waiting starts before the request: the event can arrive before the call returns.
  const removed = request.waitForEvent(
    (event) => event.kind === 'deviceRemoved' && event.domain.name === domain.name && event.devAlias === alias,
    request.timeoutMs, request.what, request.vmi,
  );
  try {
    await connection.domainDetachDeviceAlias(domain, alias, DeviceModify.LIVE);
  } catch (error) {
    removed.cancel();
    throw error;
  }
  await removed.promise;
}
