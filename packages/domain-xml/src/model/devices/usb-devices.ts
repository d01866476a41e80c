import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, DeviceBoot } from '../common.ts';
import type { CharacterProtocol, CharacterSource } from './character-device.ts';

/** `<redirdev bus type>`: USB redirection over a character device (`spicevmc`, `tcp`). */
export interface Redirdev extends Extensible {
  bus?: string;
  type: string;
  sources?: CharacterSource[];
  protocol?: CharacterProtocol;
  boot?: DeviceBoot;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}

/** `<usbdev class vendor product version allow/>` of a redirfilter. */
export interface RedirfilterRule extends Extensible {
  class?: string;
  vendor?: string;
  product?: string;
  version?: string;
  /** `allow='yes'|'no'`. */
  allow: boolean;
}

/** `<redirfilter>`. */
export interface Redirfilter extends Extensible {
  usbdevs?: RedirfilterRule[];
}

/** `<hub type/>`: `usb`. */
export interface Hub extends Extensible {
  type: string;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}

/** `<smartcard mode type>`: `host`, `host-certificates`, `passthrough`. Certificates and database stay generic. */
export interface Smartcard extends Extensible {
  mode: string;
  type?: string;
  sources?: CharacterSource[];
  protocol?: CharacterProtocol;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
