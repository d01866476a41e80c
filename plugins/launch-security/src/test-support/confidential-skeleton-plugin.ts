import { definePlugin, type PluginManifest } from '@kvmkit/core';

/**
 * What other plugins (base, disks, network, controllers, RNG, balloon) would have written before
 * launch-security's `post` phase: memory, an EFI pflash loader with NVRAM, one virtio and one SATA
 * disk, a virtio and an e1000e NIC, the virtio-scsi and virtio-serial controllers, a virtio
 * memballoon and RNG. It lets the golden files show exactly which devices launch-security
 * changes. Specific to launch-security (an EFI guest with the devices it rewrites), so it is not
 * @kvmkit/core/testing's tiny-guest plugin. Test-only: not built into dist.
 */
export const confidentialSkeletonPlugin: PluginManifest = definePlugin<unknown>({
  specificationVersion: 'v1',
  name: 'test:confidential-skeleton',
  version: '0.0.0',
  core: '^0.1.0',
  configurators: [{
    specificationVersion: 'v1',
    name: 'test:confidential-skeleton',
    configure(vmi, domain) {
      const uuid = vmi.spec.domain.firmware?.uuid;
      if (uuid !== undefined) domain.uuid = uuid;
      domain.memory = { value: 256, unit: 'MiB' };
      domain.os = {
        type: { value: 'hvm', arch: 'x86_64', machine: 'q35' },
        loader: { value: '/usr/share/OVMF/OVMF_CODE_4M.fd', readonly: true, secure: false, type: 'pflash' },
        nvram: { value: `/var/lib/kvmkit/state/${vmi.metadata?.name ?? ''}_VARS.fd`, template: '/usr/share/OVMF/OVMF_VARS_4M.fd' },
      };
      domain.features = { acpi: true };
      domain.devices = {
        disks: [
          { type: 'file', device: 'disk', driver: { name: 'qemu', type: 'qcow2' }, source: { file: '/var/lib/kvmkit/volumes/root.qcow2' }, target: { dev: 'vda', bus: 'virtio' } },
          { type: 'file', device: 'disk', driver: { name: 'qemu', type: 'raw' }, source: { file: '/var/lib/kvmkit/volumes/data.img' }, target: { dev: 'sda', bus: 'sata' } },
        ],
        controllers: [
          { type: 'scsi', index: 0, model: 'virtio-scsi' },
          { type: 'virtio-serial', index: 0 },
          { type: 'usb', index: 0, model: 'qemu-xhci' },
        ],
        interfaces: [
          { type: 'user', model: { type: 'virtio' } },
          { type: 'user', model: { type: 'e1000e' } },
        ],
        memballoon: { model: 'virtio' },
        rngs: [{ model: 'virtio', backend: { model: 'random', value: '/dev/urandom' } }],
      };
    },
  }],
});
