import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, VirtioOptions } from '../common.ts';
import type { CharacterProtocol, CharacterSource } from './character-device.ts';

/** `<rate bytes period/>`: limit on entropy passed to the guest. */
export interface RngRate extends Extensible {
  bytes: number;
  period?: number;
}

/** `<backend model type>`: `random` (value is the host device path), `egd` (a char device), `builtin`. */
export interface RngBackend extends Extensible {
  model: string;
  type?: string;
  /** The device path for `model='random'`, e.g. `/dev/urandom`. */
  value?: string;
  sources?: CharacterSource[];
  protocol?: CharacterProtocol;
}

/** `<rng model>`: `virtio`, `virtio-transitional`, `virtio-non-transitional`. */
export interface Rng extends Extensible {
  model: string;
  rate?: RngRate;
  backend: RngBackend;
  driver?: VirtioOptions & Extensible;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
