import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, VirtioOptions } from '../common.ts';
import type { ScaledInteger } from '../common.ts';

/** `<model name/>` of a PCI controller (the QEMU device emulating it). */
export interface ControllerModel extends Extensible {
  name?: string;
}

/** `<target chassisNr chassis port busNr index hotplug memReserve>` of a PCI controller. */
export interface ControllerTarget extends Extensible {
  chassisNr?: number;
  chassis?: number;
  port?: string;
  busNr?: number;
  index?: number;
  /** `hotplug='on'|'off'`. */
  hotplug?: boolean;
  memReserve?: number;
  node?: number;
}

/** `<driver queues cmd_per_lun max_sectors ioeventfd iothread>` of a controller. */
export interface ControllerDriver extends Extensible, VirtioOptions {
  queues?: number;
  cmdPerLun?: number;
  maxSectors?: number;
  /** `ioeventfd='on'|'off'`. */
  ioeventfd?: boolean;
  iothread?: number;
}

/** `<master startport/>` of a USB companion controller. */
export interface ControllerMaster extends Extensible {
  startport: number;
}

/** `<controller type index model ports vectors>`. */
export interface Controller extends Extensible {
  /** `pci`, `usb`, `scsi`, `sata`, `ide`, `fdc`, `virtio-serial`, `ccid`, `xenbus`, `isa`. */
  type: string;
  index?: number;
  model?: string;
  ports?: number;
  vectors?: number;
  maxGrantFrames?: number;
  /** The `<model name>` element (the attribute `model` is taken). */
  modelName?: ControllerModel;
  target?: ControllerTarget;
  master?: ControllerMaster;
  driver?: ControllerDriver;
  pcihole64?: ScaledInteger;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
