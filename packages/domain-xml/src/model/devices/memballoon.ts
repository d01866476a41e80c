import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, VirtioOptions } from '../common.ts';

/** `<stats period/>`: seconds between guest memory statistics updates. */
export interface MemballoonStats extends Extensible {
  period: number;
}

/** `<memballoon model autodeflate freePageReporting>`. */
export interface Memballoon extends Extensible {
  /** `virtio`, `virtio-transitional`, `virtio-non-transitional`, `xen`, `none`. */
  model: string;
  /** `autodeflate='on'|'off'`. */
  autodeflate?: boolean;
  /** `freePageReporting='on'|'off'`. */
  freePageReporting?: boolean;
  stats?: MemballoonStats;
  alias?: DeviceAlias;
  address?: DeviceAddress;
  driver?: VirtioOptions & Extensible;
}
