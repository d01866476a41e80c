// Device-level helpers for hotplug: libvirt's attach/detach/update calls take one device's XML.
import type { Domain } from './model/domain.ts';
import type { CharacterDevice } from './model/devices/character-device.ts';
import type { Controller } from './model/devices/controller.ts';
import type { Devices } from './model/devices/devices.ts';
import type { Disk } from './model/devices/disk.ts';
import type { Filesystem } from './model/devices/filesystem.ts';
import type { Graphics } from './model/devices/graphics.ts';
import type { Hostdev } from './model/devices/hostdev.ts';
import type { Input } from './model/devices/input.ts';
import type { Interface } from './model/devices/interface.ts';
import type { Memballoon } from './model/devices/memballoon.ts';
import type { MemoryDevice } from './model/devices/memory-device.ts';
import type { Iommu, Lease, NvramDevice, Panic, Vsock, Watchdog } from './model/devices/platform-devices.ts';
import type { Rng } from './model/devices/rng.ts';
import type { Shmem } from './model/devices/shmem.ts';
import type { Audio, Sound } from './model/devices/sound.ts';
import type { Tpm } from './model/devices/tpm.ts';
import type { Hub, Redirdev, Redirfilter, Smartcard } from './model/devices/usb-devices.ts';
import type { Video } from './model/devices/video.ts';
import { devicesSpec } from './schema/devices.ts';
import { compileSpec } from './xml/compiled-spec.ts';
import { DomainXmlError } from './xml/domain-xml-error.ts';
import type { SpecReference } from './xml/element-spec.ts';
import { parseDocument } from './xml/parse-document.ts';
import { readElement } from './xml/read-element.ts';
import { writeElement } from './xml/write-element.ts';

/** Device element name → its model type. */
export interface DeviceTypes {
  disk: Disk;
  controller: Controller;
  lease: Lease;
  filesystem: Filesystem;
  interface: Interface;
  smartcard: Smartcard;
  serial: CharacterDevice;
  parallel: CharacterDevice;
  console: CharacterDevice;
  channel: CharacterDevice;
  input: Input;
  tpm: Tpm;
  graphics: Graphics;
  sound: Sound;
  audio: Audio;
  video: Video;
  hostdev: Hostdev;
  redirdev: Redirdev;
  redirfilter: Redirfilter;
  hub: Hub;
  watchdog: Watchdog;
  memballoon: Memballoon;
  rng: Rng;
  nvram: NvramDevice;
  panic: Panic;
  shmem: Shmem;
  memory: MemoryDevice;
  iommu: Iommu;
  vsock: Vsock;
}

export type DeviceKind = keyof DeviceTypes;

/** A device with its element name, e.g. `{ kind: 'disk', device: { … } }`. */
export type AnyDevice = { [K in DeviceKind]: { kind: K; device: DeviceTypes[K] } }[DeviceKind];

interface DeviceEntry {
  key: keyof Devices;
  spec: SpecReference<unknown>;
}

function deviceEntry(kind: string, path: string): DeviceEntry {
  const entry = compileSpec(devicesSpec as never).children.get(kind);
  if (entry === undefined || (entry.field.kind !== 'list' && entry.field.kind !== 'child')) {
    throw new DomainXmlError(path, `<${kind}> is not a device element`);
  }
  return { key: entry.key as keyof Devices, spec: entry.field.spec };
}

/** One device's XML, as `virDomainAttachDevice`/`DetachDevice`/`UpdateDeviceFlags` take it. */
export function formatDeviceXml<K extends DeviceKind>(kind: K, device: DeviceTypes[K]): string {
  const lines: string[] = [];
  writeElement(deviceEntry(kind, `/${kind}`).spec, kind, device, 0, `/${kind}`, lines);
  return `${lines.join('\n')}\n`;
}

/** Parses one device element (`<disk>…</disk>`, `<interface>…</interface>`, …). */
export function parseDeviceXml(xml: string): AnyDevice {
  const root = parseDocument(xml, undefined);
  const { spec } = deviceEntry(root.name, `/${root.name}`);
  return { kind: root.name, device: readElement(spec, root.node, root.name, `/${root.name}`) } as AnyDevice;
}

/** Every device of the domain with its kind, in canonical group order. */
export function listDevices(domain: Domain): AnyDevice[] {
  const devices = domain.devices;
  if (devices === undefined) return [];
  const result: AnyDevice[] = [];
  for (const kind of compileSpec(devicesSpec as never).childNames) {
    if (kind === 'emulator') continue;
    const value = devices[deviceEntry(kind, '/domain/devices').key];
    const items: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const device of items) result.push({ kind, device } as AnyDevice);
  }
  return result;
}

/** The device whose `<alias name>` is `alias` (libvirt's own or a `ua-` user alias). */
export function findDeviceByAlias(domain: Domain, alias: string): AnyDevice | undefined {
  return listDevices(domain).find(({ device }) => 'alias' in device && device.alias?.name === alias);
}

/** The disk whose `<target dev>` is `dev` (e.g. `vda`). */
export function findDiskByTarget(domain: Domain, dev: string): Disk | undefined {
  return domain.devices?.disks?.find((disk) => disk.target.dev === dev);
}

/** The interface whose `<mac address>` is `mac`, compared case-insensitively. */
export function findInterfaceByMac(domain: Domain, mac: string): Interface | undefined {
  const wanted = mac.toLowerCase();
  return domain.devices?.interfaces?.find((iface) => iface.mac?.address.toLowerCase() === wanted);
}
