import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, VirtioOptions } from '../common.ts';

/** `<source evdev dev grab grabToggle repeat/>` of a passthrough/evdev input. */
export interface InputSource extends Extensible {
  evdev?: string;
  dev?: string;
  grab?: string;
  grabToggle?: string;
  /** `repeat='on'|'off'`. */
  repeat?: boolean;
}

/** `<input type bus model>`: `tablet`, `mouse`, `keyboard`, `passthrough`, `evdev`. */
export interface Input extends Extensible {
  type: string;
  /** `ps2`, `usb`, `virtio`, `xen`. */
  bus?: string;
  model?: string;
  source?: InputSource;
  driver?: VirtioOptions & Extensible;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
