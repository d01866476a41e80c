import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, ScaledInteger } from '../common.ts';

/** `<model type/>`: `ivshmem`, `ivshmem-plain`, `ivshmem-doorbell`. */
export interface ShmemModel extends Extensible {
  type: string;
}

/** `<server path/>`. */
export interface ShmemServer extends Extensible {
  path?: string;
}

/** `<msi vectors ioeventfd/>`. */
export interface ShmemMsi extends Extensible {
  vectors?: number;
  /** `ioeventfd='on'|'off'`. */
  ioeventfd?: boolean;
}

/** `<shmem name role>`: shared memory between guests. */
export interface Shmem extends Extensible {
  name: string;
  role?: string;
  model?: ShmemModel;
  size?: ScaledInteger;
  server?: ShmemServer;
  msi?: ShmemMsi;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
