import type { Devices, Domain } from '@kvmkit/domain-xml';

function isVirtioModel(model: string | undefined): boolean {
  return model !== undefined && model.startsWith('virtio');
}

/**
 * Makes every virtio device KubeVirt touches for SEV use the IOMMU platform (`iommu='on'` on its
 * `<driver>`): an SEV guest's memory is encrypted, so virtio must DMA through bounce buffers the
 * guest shared on purpose. KubeVirt sets it on virtio disks, virtio NICs, the virtio-scsi and
 * virtio-serial controllers, the memballoon and the RNG; interfaces also get their option ROM
 * turned off, as no ROM can run in an encrypted guest. Returns how many devices were changed.
 */
export function routeVirtioThroughIommu(devices: Devices): number {
  let changed = 0;
  for (const disk of devices.disks ?? []) {
    if (disk.target.bus !== 'virtio') continue;
    disk.driver = { ...disk.driver, iommu: true };
    changed++;
  }
  for (const nic of devices.interfaces ?? []) {
    nic.rom ??= { enabled: false };
    if (!isVirtioModel(nic.model?.type)) continue;
    nic.driver = { ...nic.driver, iommu: true };
    changed++;
  }
  for (const controller of devices.controllers ?? []) {
    const virtioScsi = controller.type === 'scsi' && controller.model?.startsWith('virtio-scsi') === true;
    if (!virtioScsi && controller.type !== 'virtio-serial') continue;
    controller.driver = { ...controller.driver, iommu: true };
    changed++;
  }
  const balloon = devices.memballoon;
  if (balloon !== undefined && isVirtioModel(balloon.model)) {
    balloon.driver = { ...balloon.driver, iommu: true };
    changed++;
  }
  for (const rng of devices.rngs ?? []) {
    if (!isVirtioModel(rng.model)) continue;
    rng.driver = { ...rng.driver, iommu: true };
    changed++;
  }
  return changed;
}

/**
 * SEV-SNP and TDX boot stateless firmware: the loader becomes a ROM (`type='rom'`) and the NVRAM
 * goes, as KubeVirt does. Returns false when no other plugin wrote a `<loader>` to change.
 */
export function useStatelessFirmware(domain: Domain): boolean {
  const loader = domain.os?.loader;
  if (domain.os === undefined || loader === undefined) return false;
  loader.type = 'rom';
  delete domain.os.nvram;
  return true;
}
