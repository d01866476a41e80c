import { formatDeviceXml, type Domain, type MemoryDevice } from '@kvmkit/domain-xml';
import { describeBytes } from './describe-bytes.ts';
import { scaledBytes } from './scaled-bytes.ts';

/** Why a resize cannot be expressed as a virtio-mem update. */
export class VirtioMemResizeError extends Error {
  override readonly name = 'VirtioMemResizeError';
}

/** What the domain manager passes to libvirt's update-device (live) to resize the guest. */
export interface VirtioMemResize {
  /** The virtio-mem device with its new `<requested>`; alias and address kept so libvirt finds it. */
  deviceXml: string;
  /** The new requested size in KiB. */
  requestedKiB: number;
}

/** The memory the guest booted with: its NUMA cells, else `<memory>` minus every memory device. */
function bootBytes(domain: Domain): bigint {
  const cells = domain.cpu?.numa?.cells ?? [];
  if (cells.length > 0) return cells.reduce((sum, cell) => sum + (scaledBytes({ value: cell.memory, ...(cell.unit === undefined ? {} : { unit: cell.unit }) }) ?? 0n), 0n);
  const devices = (domain.devices?.memories ?? []).reduce((sum, device) => sum + (scaledBytes(device.target?.size) ?? 0n), 0n);
  return (scaledBytes(domain.memory) ?? 0n) - devices;
}

/**
 * The update that gives a running guest `newGuestMemoryBytes` in total (KubeVirt's
 * `UpdateGuestMemory`): the domain's virtio-mem device with `requested` = new size − boot memory.
 * `domain` is the live domain (its alias and address identify the device); it is not changed.
 * Throws a {@link VirtioMemResizeError} when there is no virtio-mem device or the size does not fit.
 */
export function virtioMemResize(domain: Domain, newGuestMemoryBytes: bigint | number): VirtioMemResize {
  const found = domain.devices?.memories?.find((device) => device.model === 'virtio-mem');
  if (found === undefined) throw new VirtioMemResizeError(`domain '${domain.name}' has no virtio-mem device (was it defined with spec.domain.memory.maxGuest?)`);
  const target = BigInt(newGuestMemoryBytes);
  const boot = bootBytes(domain);
  const size = scaledBytes(found.target?.size) ?? 0n;
  const block = scaledBytes(found.target?.block) ?? 0n;
  const requested = target - boot;
  if (requested < 0n) throw new VirtioMemResizeError(`${describeBytes(target)} is less than the ${describeBytes(boot)} the guest booted with`);
  if (requested > size) throw new VirtioMemResizeError(`${describeBytes(target)} is more than the ${describeBytes(boot + size)} maximum (maxGuest)`);
  if (block > 0n && requested % block !== 0n) throw new VirtioMemResizeError(`${describeBytes(target)} is not ${describeBytes(block)} aligned`);
  const requestedKiB = Number(requested / 1024n);
  // `current` is what the guest has plugged, reported by libvirt: not part of the request.
  const { current: _current, ...targetWithoutCurrent } = found.target ?? {};
  const device: MemoryDevice = { ...found, target: { ...targetWithoutCurrent, requested: { value: requestedKiB, unit: 'KiB' } } };
  return { deviceXml: formatDeviceXml('memory', device), requestedKiB };
}
