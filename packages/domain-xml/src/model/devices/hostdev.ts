import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAcpi, DeviceAddress, DeviceAlias, DeviceBoot, DeviceRom } from '../common.ts';

/** `<vendor id/>` / `<product id/>` of a USB host device. */
export interface UsbId extends Extensible {
  id: string;
}

/** `<adapter name/>` of a SCSI host device. */
export interface HostdevAdapter extends Extensible {
  name: string;
}

/** `<source>` of a host device: PCI/USB/SCSI address, USB vendor/product, or mdev (uuid via the address-less form). */
export interface HostdevSource extends Extensible {
  /** `startupPolicy` (USB). */
  startupPolicy?: string;
  /** `writeFiltering='yes'|'no'` (PCI). */
  writeFiltering?: boolean;
  protocol?: string;
  name?: string;
  wwpn?: string;
  vendor?: UsbId;
  product?: UsbId;
  adapter?: HostdevAdapter;
  /** Host address (PCI bus/slot/function, USB bus/device, SCSI bus/target/unit, mdev uuid). */
  address?: DeviceAddress;
}

/** `<driver name/>` of a host device: `vfio`, `kvm`, `xen`. */
export interface HostdevDriver extends Extensible {
  name?: string;
}

/** `<hostdev mode type managed model display ramfb sgio rawio>`. */
export interface Hostdev extends Extensible {
  /** `subsystem` or `capabilities`. */
  mode?: string;
  /** `pci`, `usb`, `scsi`, `scsi_host`, `mdev`. */
  type?: string;
  /** `managed='yes'|'no'`. */
  managed?: boolean;
  /** mdev model: `vfio-pci`, `vfio-ccw`, `vfio-ap`. */
  model?: string;
  /** `display='on'|'off'` (mdev). */
  display?: boolean;
  /** `ramfb='on'|'off'` (mdev). */
  ramfb?: boolean;
  sgio?: string;
  /** `rawio='yes'|'no'`. */
  rawio?: boolean;
  driver?: HostdevDriver;
  source?: HostdevSource;
  boot?: DeviceBoot;
  readonly?: boolean;
  shareable?: boolean;
  rom?: DeviceRom;
  acpi?: DeviceAcpi;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
