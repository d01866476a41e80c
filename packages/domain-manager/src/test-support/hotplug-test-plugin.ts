// A test-local plugin for the hotplug and backup tests, composed with core's tinyGuestTestPlugin:
// 1Gi of boot memory plus a 1Gi virtio-mem device (the layout @kvmkit/plugin-virtio-mem writes;
// that plugin cannot be a devDependency here because its own tests depend on this package),
// a virtio-scsi controller for SCSI disk hotplug (after a virtio disk was hotplugged into a spare
// PCIe root port, the ACPI-less tiny guest's agent stopped answering under TCG) and a qcow2 data disk `vdb` (serial
// `kvmkit-data`, as the guest names its disks by order, not by libvirt's target) to back up.
import { definePlugin, type PluginManifest } from '@kvmkit/core';

export interface HotplugTestPluginOptions {
  /** The qcow2 image attached as `vdb`. */
  dataDisk: string;
}

const GiB_IN_KiB = 1024 * 1024;

export function hotplugTestPlugin(options: HotplugTestPluginOptions): PluginManifest {
  return definePlugin({
    specificationVersion: 'v1',
    name: 'test-local-hotplug',
    version: '0.0.0',
    core: '^0.1.0',
    configurators: [
      {
        specificationVersion: 'v1',
        name: 'test-local-hotplug:devices',
        configure(vmi, domain) {
          domain.name = `${vmi.metadata?.namespace ?? 'default'}_${vmi.metadata?.name ?? ''}`;
          domain.vcpu = { value: 1, placement: 'static' };
          // libvirt's <memory> is the total: boot memory (the NUMA cell) plus the device's size.
          domain.memory = { value: 2 * GiB_IN_KiB, unit: 'KiB' };
          domain.maxMemory = { value: 2 * GiB_IN_KiB, unit: 'KiB', slots: 1 };
          domain.cpu = { numa: { cells: [{ id: 0, cpus: '0', memory: GiB_IN_KiB, unit: 'KiB' }] } };
          domain.devices = {
            ...domain.devices,
            memories: [{ model: 'virtio-mem', target: { size: { value: GiB_IN_KiB, unit: 'KiB' }, node: 0, block: { value: 2048, unit: 'KiB' }, requested: { value: 0, unit: 'KiB' } } }],
            controllers: [{ type: 'scsi', index: 0, model: 'virtio-scsi' }],
            disks: [{ type: 'file', device: 'disk', driver: { name: 'qemu', type: 'qcow2' }, source: { file: options.dataDisk }, target: { dev: 'vdb', bus: 'virtio' }, serial: 'kvmkit-data' }],
          };
        },
      },
    ],
  });
}
