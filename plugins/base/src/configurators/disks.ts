import type { ResolvedVolume } from '@kvmkit/core';
import type { Disk as DomainDisk, DiskDriver } from '@kvmkit/domain-xml';
import type { Disk, VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import type { BaseConfigurator, BaseContext } from '../base-configurator.ts';
import { validateVolumePaths } from '../volumes/volume-path-rules.ts';
import { volumeKind } from '../volumes/volume-kind.ts';
import { devicesOf } from './devices.ts';
import { TargetNamer } from './disk-target-names.ts';
import { planIoThreads } from './io-threads-plan.ts';
import { virtioModelFor } from './virtio-model.ts';

const RULE = 'base:disks';

/** The device kind and bus of a VMI disk. */
function deviceOf(disk: Disk): { device: 'disk' | 'cdrom' | 'lun'; bus: string } {
  if (disk.cdrom !== undefined) return { device: 'cdrom', bus: disk.cdrom.bus ?? 'sata' };
  if (disk.lun !== undefined) return { device: 'lun', bus: disk.lun.bus ?? 'sata' };
  return { device: 'disk', bus: disk.disk?.bus ?? 'sata' };
}

function isReadOnly(disk: Disk, resolved: ResolvedVolume): boolean {
  return resolved.readOnly === true || disk.cdrom?.readonly === true || disk.disk?.readonly === true || disk.lun?.readonly === true;
}

/** Admission rules of the disk fields kvmkit adds to core's (which check names, buses, boot order). */
export function validateDisks(vmi: VirtualMachineInstance): VmiProblem[] {
  const problems: VmiProblem[] = [];
  (vmi.spec.domain.devices.disks ?? []).forEach((disk, index) => {
    const path = `spec.domain.devices.disks[${String(index)}]`;
    if (disk.io === 'native' && disk.cache !== undefined && disk.cache !== 'none' && disk.cache !== 'directsync') {
      problems.push({ path: `${path}.io`, reason: `io 'native' needs cache 'none' or 'directsync' (O_DIRECT), not '${disk.cache}'`, severity: 'error', rule: RULE });
    }
    if (disk.lun !== undefined && disk.lun.bus !== undefined && disk.lun.bus !== 'scsi') {
      problems.push({ path: `${path}.lun.bus`, reason: `a LUN passes SCSI commands through, so it must be on the scsi bus, not '${disk.lun.bus}'`, severity: 'error', rule: RULE });
    }
    const custom = disk.blockSize?.custom;
    if (custom !== undefined) {
      for (const field of ['logical', 'physical'] as const) {
        const size = custom[field];
        if (size !== undefined && (size < 512 || (size & (size - 1)) !== 0)) {
          problems.push({ path: `${path}.blockSize.custom.${field}`, reason: `${String(size)} is not a power of two of at least 512`, severity: 'error', rule: RULE });
        }
      }
    }
  });
  return problems;
}

function vcpuCount(vmi: VirtualMachineInstance): number {
  const cpu = vmi.spec.domain.cpu;
  return (cpu?.sockets ?? 1) * (cpu?.cores ?? 1) * (cpu?.threads ?? 1);
}

function driverOf(vmi: VirtualMachineInstance, disk: Disk, resolved: ResolvedVolume, bus: string, iothread: number | undefined, context: BaseContext): DiskDriver {
  const cache = disk.cache ?? context.options.defaultDiskCache;
  // blockMultiQueue: one virtio queue per vCPU, as KubeVirt sets it.
  const queues = vmi.spec.domain.devices.blockMultiQueue === true && bus === 'virtio' ? vcpuCount(vmi) : undefined;
  return {
    name: 'qemu',
    type: resolved.format === 'iso' ? 'raw' : resolved.format,
    cache,
    errorPolicy: disk.errorPolicy ?? 'stop',
    // KubeVirt's choice: native AIO where O_DIRECT goes straight to a device, else QEMU's default (threads).
    ...(disk.io === undefined ? (resolved.type === 'block' && (cache === 'none' || cache === 'directsync') ? { io: 'native' } : {}) : { io: disk.io }),
    ...(resolved.format !== 'iso' && deviceOf(disk).device === 'disk' ? { discard: 'unmap' } : {}),
    ...(iothread !== undefined && bus === 'virtio' ? { iothread } : {}),
    ...(queues === undefined ? {} : { queues }),
  };
}

/** The libvirt `<disk>` for one VMI disk and its resolved volume. */
function domainDisk(vmi: VirtualMachineInstance, disk: Disk, resolved: ResolvedVolume, target: string, iothread: number | undefined, context: BaseContext): DomainDisk {
  const { device, bus } = deviceOf(disk);
  const source = resolved.type === 'block' ? { dev: resolved.path } : resolved.type === 'dir' ? { dir: resolved.path } : { file: resolved.path };
  const custom = disk.blockSize?.custom;
  const model = virtioModelFor(vmi, context);
  return {
    type: resolved.type,
    device,
    ...(bus === 'virtio' && model !== 'virtio' ? { model } : {}),
    driver: driverOf(vmi, disk, resolved, bus, iothread, context),
    source,
    ...(custom === undefined ? {} : {
      blockio: {
        ...(custom.logical === undefined ? {} : { logicalBlockSize: custom.logical }),
        ...(custom.physical === undefined ? {} : { physicalBlockSize: custom.physical }),
        ...(custom.discardGranularity === undefined ? {} : { discardGranularity: custom.discardGranularity }),
      },
    }),
    target: { dev: target, bus, ...(device === 'cdrom' && disk.cdrom?.tray !== undefined ? { tray: disk.cdrom.tray } : {}) },
    ...(isReadOnly(disk, resolved) ? { readonly: true } : {}),
    ...(disk.shareable === true ? { shareable: true } : {}),
    ...(disk.serial === undefined ? {} : { serial: disk.serial }),
    ...(disk.bootOrder === undefined ? {} : { boot: { order: disk.bootOrder } }),
    alias: { name: `ua-${disk.name}` },
  };
}

/**
 * Disks. Reads `spec.domain.devices.disks[]` (disk/cdrom/lun, bus, cache, io, errorPolicy,
 * readonly, shareable, serial, bootOrder, blockSize, dedicatedIOThread) and resolves each disk's
 * volume through the registered volume sources (`context.volumeSources`, by the volume's kind);
 * writes one `<disk>` each: source, `<driver name='qemu' type cache error_policy io discard
 * iothread>`, `<target dev bus>` (`vdX` on virtio, `sdX` otherwise), `<readonly/>`,
 * `<shareable/>`, `<serial>`, `<boot order>`, `<blockio>`, `<alias name='ua-<disk>'>`.
 */
export const disksConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:disks',
  validate: (vmi, context) => [...validateDisks(vmi), ...validateVolumePaths(vmi, context.options)],
  configure(vmi, domain, context) {
    const volumes = vmi.spec.volumes ?? [];
    const namer = new TargetNamer();
    const plan = planIoThreads(vmi);
    const disks = (vmi.spec.domain.devices.disks ?? []).map((disk, index) => {
      const path = `spec.domain.devices.disks[${String(index)}]`;
      const volumeIndex = volumes.findIndex((volume) => volume.name === disk.name);
      const volume = volumes[volumeIndex];
      if (volume === undefined) throw new Error(`${path}.name: no volume named '${disk.name}'`);
      const volumePath = `spec.volumes[${String(volumeIndex)}]`;
      const kind = volumeKind(volume);
      if (kind === undefined) throw new Error(`${volumePath}: the volume has no source`);
      const resolved = context.volumeSources.require(kind, `${volumePath}.${kind}`).resolve(volume);
      if (deviceOf(disk).device === 'lun' && resolved.type !== 'block') {
        throw new Error(`${path}.lun: a LUN needs a block device, but volume '${disk.name}' is a ${resolved.type}`);
      }
      if (disk.tag !== undefined) context.warn(`${path}.tag`, 'disk tags (config drive device metadata) are not written by kvmkit');
      return domainDisk(vmi, disk, resolved, namer.next(deviceOf(disk).bus), plan.byDisk.get(disk.name), context);
    });
    const devices = devicesOf(domain);
    devices.disks = [...(devices.disks ?? []), ...disks];
  },
};
