import type { Extensible } from '../xml/xml-node.ts';

/** An integer with a unit, e.g. `<memory unit='KiB'>1048576</memory>` → `{ value: 1048576, unit: 'KiB' }`. */
export interface ScaledInteger extends Extensible {
  value: number;
  /** `b`, `KiB`, `MiB`, `GiB`, … as libvirt accepts them; libvirt itself writes `KiB`. */
  unit?: string;
}

/** `<zpci uid fid>` inside a PCI address on s390. */
export interface ZpciAddress extends Extensible {
  uid?: string;
  fid?: string;
}

/**
 * `<address>` of a device. Values are kept as written (PCI parts are hex strings like `0x1f`),
 * because libvirt mixes hex and decimal across address types.
 */
export interface DeviceAddress extends Extensible {
  /** `pci`, `drive`, `virtio-serial`, `ccid`, `usb`, `spapr-vio`, `ccw`, `isa`, `virtio-mmio`, `dimm`, `unassigned`. */
  type?: string;
  domain?: string;
  bus?: string;
  slot?: string;
  function?: string;
  /** `multifunction='on'|'off'`. */
  multifunction?: boolean;
  controller?: string;
  target?: string;
  unit?: string;
  port?: string;
  reg?: string;
  cssid?: string;
  ssid?: string;
  devno?: string;
  iobase?: string;
  irq?: string;
  base?: string;
  zpci?: ZpciAddress;
}

/** `<alias name='ua-disk0'/>`: libvirt's name for a device, `ua-` prefixed when chosen by the user. */
export interface DeviceAlias extends Extensible {
  name: string;
}

/** `<boot order='1' loadparm='…'/>` on a bootable device. */
export interface DeviceBoot extends Extensible {
  order: number;
  loadparm?: string;
}

/** `<acpi index='1'/>`: the ACPI index the guest uses to name a NIC. */
export interface DeviceAcpi extends Extensible {
  index: number;
}

/** `<rom bar='on' file='…' enabled='yes'/>`. */
export interface DeviceRom extends Extensible {
  /** `bar='on'|'off'`. */
  bar?: boolean;
  file?: string;
  /** `enabled='yes'|'no'`. */
  enabled?: boolean;
}

/** Options libvirt accepts on `<driver>` of every virtio device. */
export interface VirtioOptions {
  /** `iommu='on'|'off'`. */
  iommu?: boolean;
  /** `ats='on'|'off'`. */
  ats?: boolean;
  /** `packed='on'|'off'`. */
  packed?: boolean;
  /** `page_per_vq='on'|'off'`. */
  pagePerVq?: boolean;
}

/** `<seclabel>` (domain-wide or per device source). */
export interface SecurityLabel extends Extensible {
  /** `dynamic`, `static`, `none`. */
  type?: string;
  /** `selinux`, `apparmor`, `dac`, `none`. */
  model?: string;
  /** `relabel='yes'|'no'`. */
  relabel?: boolean;
  label?: string;
  imagelabel?: string;
  baselabel?: string;
}
