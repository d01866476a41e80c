import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAcpi, DeviceAddress, DeviceAlias, VirtioOptions } from '../common.ts';

/** `<acceleration accel3d accel2d rendernode/>`. */
export interface VideoAcceleration extends Extensible {
  /** `accel3d='yes'|'no'`. */
  accel3d?: boolean;
  /** `accel2d='yes'|'no'`. */
  accel2d?: boolean;
  rendernode?: string;
}

/** `<resolution x y/>`. */
export interface VideoResolution extends Extensible {
  x: number;
  y: number;
}

/** `<model type vram ram vgamem vram64 heads primary blob>`. */
export interface VideoModel extends Extensible {
  /** `vga`, `cirrus`, `qxl`, `virtio`, `bochs`, `ramfb`, `none`, … */
  type: string;
  ram?: number;
  vram?: number;
  vram64?: number;
  vgamem?: number;
  heads?: number;
  /** `primary='yes'|'no'`. */
  primary?: boolean;
  /** `blob='on'|'off'`. */
  blob?: boolean;
  acceleration?: VideoAcceleration;
  resolution?: VideoResolution;
}

/** `<driver name vgaconf/>` of a video device. */
export interface VideoDriver extends Extensible, VirtioOptions {
  name?: string;
  vgaconf?: string;
}

/** `<video>`. */
export interface Video extends Extensible {
  driver?: VideoDriver;
  model?: VideoModel;
  acpi?: DeviceAcpi;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
