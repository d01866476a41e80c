import { formatDeviceXml, parseDomainXml } from '@kvmkit/domain-xml';
import { DeviceModify, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import type { EventWaiter } from '../events/domain-event-waiters.ts';


export interface MemoryResizeRequest {
  connection: LibvirtConnection;
  domain: Domain;
  vmi: string;
  /** The guest's memory wanted in all: boot memory plus what the virtio-mem device provides. */
  guestMemoryBytes: bigint;
  waitForEvent: EventWaiter;
  /** How long the guest may take to plug the memory. */
  timeoutMs: number;
}

/** A libvirt size in KiB, whatever unit it is written in. */
function kib(value: { value: number; unit?: string } | undefined): bigint {
  if (value === undefined) return 0n;
  const factor: Record<string, bigint> = { b: 1n, bytes: 1n, KiB: 1024n, k: 1024n, MiB: 1024n ** 2n, M: 1024n ** 2n, GiB: 1024n ** 3n, G: 1024n ** 3n };
  return (BigInt(value.value) * (factor[value.unit ?? 'KiB'] ?? 1024n)) / 1024n;
}

/**
 * Resizes the running domain's virtio-mem device so the guest has `guestMemoryBytes`, and
 * resolves when libvirt's memory-device-size-change event reports the guest plugged exactly
 * that much; else `OPERATION_TIMEOUT`. Sizes outside boot memory…the device's size are
 * `INVALID_REQUEST`.
 */
export async function resizeVirtioMem(request: MemoryResizeRequest): Promise<void> {
  const { connection, domain, vmi, guestMemoryBytes } = request;
  const live = parseDomainXml(await connection.domainGetXmlDesc(domain, 0));
  const device = live.devices?.memories?.find((memory) => memory.model === 'virtio-mem');
  const alias = device?.alias?.name;
  if (device === undefined || alias === undefined) throw domainManagerError('INVALID_REQUEST', `${vmi} has no virtio-mem device to resize`, { vmi });
  const baseKiB = BigInt(live.memory?.value ?? 0) - kib(device.target?.size);
  const requestedKiB = guestMemoryBytes / 1024n - baseKiB;
  if (requestedKiB < 0n || requestedKiB > kib(device.target?.size)) {
    throw domainManagerError('INVALID_REQUEST', `guestMemoryBytes: ${guestMemoryBytes} is outside what the virtio-mem device can provide`, { vmi, path: 'guestMemoryBytes' });
  }
  const waiting = request.waitForEvent(
    (event) => event.kind === 'memoryDeviceSizeChange' && event.domain.name === domain.name && event.alias === alias && event.size === requestedKiB,
    request.timeoutMs, 'memory resize', vmi,
  );
  try {
    // `current` is what the guest has plugged, reported by libvirt: not part of the request.
    const { current: _current, ...target } = device.target ?? {};
    const updated = { ...device, target: { ...target, requested: { value: Number(requestedKiB), unit: 'KiB' } } };
    await connection.domainUpdateDeviceFlags(domain, formatDeviceXml('memory', updated), DeviceModify.LIVE);
  } catch (error) {
    waiting.cancel();
    throw error;
  }
  await waiting.promise;
}
