import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, ScaledInteger } from '../common.ts';

/** `<source>` of a memory device. */
export interface MemoryDeviceSource extends Extensible {
  /** NUMA host nodes (dimm, virtio-mem). */
  nodemask?: string;
  pagesize?: ScaledInteger;
  /** Backing file (nvdimm, virtio-pmem). */
  path?: string;
  alignsize?: ScaledInteger;
  /** `<pmem/>` present. */
  pmem?: boolean;
}

/** `<label><size/></label>` of an nvdimm. */
export interface MemoryDeviceLabel extends Extensible {
  size?: ScaledInteger;
}

/** `<target dynamicMemslots>` of a memory device: sizes, NUMA node and, for virtio-mem, block/requested/current sizes. */
export interface MemoryDeviceTarget extends Extensible {
  /** `dynamicMemslots='yes'|'no'` (virtio-mem). */
  dynamicMemslots?: boolean;
  size?: ScaledInteger;
  node?: number;
  label?: MemoryDeviceLabel;
  /** `<readonly/>` (nvdimm). */
  readonly?: boolean;
  /** virtio-mem block size. */
  block?: ScaledInteger;
  /** virtio-mem: size the guest is asked to plug. */
  requested?: ScaledInteger;
  /** virtio-mem: size currently plugged (runtime). */
  current?: ScaledInteger;
  /** virtio-mem address in guest physical memory. */
  address?: MemoryDeviceTargetAddress;
}

/** `<address base/>` inside a memory target. */
export interface MemoryDeviceTargetAddress extends Extensible {
  base?: string;
}

/** `<memory model access discard>`: `dimm`, `nvdimm`, `virtio-pmem`, `virtio-mem`, `sgx-epc`. */
export interface MemoryDevice extends Extensible {
  model: string;
  /** `shared` or `private`. */
  access?: string;
  /** `discard='yes'|'no'`. */
  discard?: boolean;
  uuid?: string;
  source?: MemoryDeviceSource;
  target?: MemoryDeviceTarget;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
