import type { Devices, Disk, VirtualMachineInstanceSpec } from '../types.ts';
import type { ArchitectureDefaults } from './architecture-defaults.ts';

/** Every volume without a disk or filesystem of its name gets a plain disk (SetDefaultVolumeDisk). */
export function defaultDisksForVolumes(spec: VirtualMachineInstanceSpec, devices: Devices): void {
  const attached = new Set([...(devices.disks ?? []), ...(devices.filesystems ?? [])].map((device) => device.name));
  for (const volume of spec.volumes ?? []) {
    if (attached.has(volume.name)) continue;
    (devices.disks ??= []).push({ name: volume.name });
    attached.add(volume.name);
  }
}

/**
 * A disk with no device type is a `disk` (SetDefaults_DiskDevice); buses default per architecture
 * (pkg/defaults); a CD-ROM is read-only with its tray closed (SetDefaults_CDRomTarget).
 */
export function defaultDisk(disk: Disk, architecture: ArchitectureDefaults): void {
  if (disk.disk === undefined && disk.cdrom === undefined && disk.lun === undefined) disk.disk = {};
  for (const target of [disk.disk, disk.cdrom, disk.lun]) {
    if (target !== undefined && !target.bus) target.bus = architecture.diskBus;
  }
  if (disk.cdrom !== undefined) {
    disk.cdrom.readonly ??= true;
    disk.cdrom.tray ||= 'closed';
  }
  disk.dedicatedIOThread ??= false;
}

/** An input device is a USB tablet unless it says otherwise (setDefaults_Input). */
export function defaultInputs(devices: Devices): void {
  for (const input of devices.inputs ?? []) {
    if (!input.bus) input.bus = 'usb';
    if (!input.type) input.type = 'tablet';
  }
}

/** A watchdog without a model gets the architecture's one, with action `reset` (SetAmd64Watchdog). */
export function defaultWatchdog(devices: Devices, architecture: ArchitectureDefaults): void {
  const watchdog = devices.watchdog;
  const model = architecture.watchdogModel;
  if (watchdog === undefined || model === undefined) return;
  const settings = (watchdog[model] ??= {});
  if (!settings.action) settings.action = 'reset';
}

/** Interfaces without a model are virtio (virt-launcher's network configurator); SR-IOV has none. */
export function defaultInterfaceModels(devices: Devices): void {
  for (const iface of devices.interfaces ?? []) {
    if (iface.sriov === undefined && !iface.model) iface.model = 'virtio';
  }
}
