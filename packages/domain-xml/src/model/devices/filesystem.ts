import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, DeviceBoot, VirtioOptions } from '../common.ts';

/** `<driver type format wrpolicy queue/>` of a filesystem: `path`, `handle`, `virtiofs`, `loop`, `nbd`, `ploop`. */
export interface FilesystemDriver extends Extensible, VirtioOptions {
  type?: string;
  format?: string;
  wrpolicy?: string;
  queue?: number;
}

/** `<binary path xattr>` of virtiofsd. Its `<cache>`, `<lock>`, … children stay generic. */
export interface FilesystemBinary extends Extensible {
  path?: string;
  /** `xattr='on'|'off'`. */
  xattr?: boolean;
}

/** `<source dir file name socket usage units/>`. */
export interface FilesystemSource extends Extensible {
  dir?: string;
  file?: string;
  name?: string;
  socket?: string;
  usage?: number;
  units?: string;
}

/** `<target dir/>`: the mount tag the guest sees. */
export interface FilesystemTarget extends Extensible {
  dir: string;
}

/** `<filesystem type accessmode model multidevs fmode dmode>`. */
export interface Filesystem extends Extensible {
  /** `mount`, `template`, `file`, `block`, `ram`, `bind`. */
  type?: string;
  /** `passthrough`, `mapped`, `squash`. */
  accessmode?: string;
  model?: string;
  multidevs?: string;
  fmode?: string;
  dmode?: string;
  driver?: FilesystemDriver;
  binary?: FilesystemBinary;
  source?: FilesystemSource;
  target?: FilesystemTarget;
  readonly?: boolean;
  boot?: DeviceBoot;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
