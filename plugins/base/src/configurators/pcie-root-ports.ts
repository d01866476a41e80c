import type { Domain } from '@kvmkit/domain-xml';

const TWO_GIB = 2 * 1024 ** 3;

/** Bytes of `<memory>` (kvmkit writes bytes; other units are converted for this estimate). */
function memoryBytes(domain: Domain): number {
  const memory = domain.memory;
  if (memory === undefined) return 0;
  const factor: Record<string, number> = { b: 1, bytes: 1, KiB: 1024, k: 1024, MiB: 1024 ** 2, M: 1024 ** 2, GiB: 1024 ** 3, G: 1024 ** 3 };
  return memory.value * (factor[memory.unit ?? 'KiB'] ?? 1024);
}

/**
 * How many devices libvirt will put behind a pcie-root-port: each PCI Express endpoint gets one
 * (virtio devices, xHCI, controllers, NICs, host devices). An estimate on the safe side.
 */
export function pcieEndpointCount(domain: Domain): number {
  const devices = domain.devices ?? {};
  const isPciController = (type: string, model: string | undefined): boolean =>
    (type === 'usb' && model !== 'none') || type === 'scsi' || type === 'virtio-serial';
  return (devices.disks ?? []).filter((disk) => disk.target.bus === 'virtio').length
    + (devices.controllers ?? []).filter((controller) => isPciController(controller.type, controller.model)).length
    + (devices.interfaces ?? []).length
    + (devices.hostdevs ?? []).length
    + (devices.filesystems ?? []).length
    + (devices.inputs ?? []).filter((input) => input.bus === 'virtio').length
    + (devices.videos ?? []).filter((video) => video.model?.type === 'virtio').length
    + (devices.rngs ?? []).length
    + (devices.memballoon !== undefined && devices.memballoon.model !== 'none' ? 1 : 0)
    + (devices.vsock === undefined ? 0 : 1);
}

/**
 * The number of pcie-root-ports to define, as KubeVirt reserves them: libvirt fills free ports
 * with the domain's own devices first, so the total is the endpoints plus the ports to keep free,
 * and at least 8 (≤ 2 GiB of memory) or 16.
 */
export function rootPortCount(domain: Domain, freePorts: number | undefined): number {
  const small = memoryBytes(domain) <= TWO_GIB;
  const free = freePorts ?? (small ? 3 : 6);
  const minimum = freePorts === undefined ? (small ? 8 : 16) : 0;
  return Math.max(minimum, pcieEndpointCount(domain) + free);
}
