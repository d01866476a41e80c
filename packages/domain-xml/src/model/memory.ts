import type { Extensible } from '../xml/xml-node.ts';
import type { ScaledInteger } from './common.ts';

/** `<maxMemory slots unit>N</maxMemory>`: the ceiling for memory hotplug. */
export interface MaxMemory extends ScaledInteger {
  slots?: number;
}

/** `<memory unit dumpCore>N</memory>`. */
export interface Memory extends ScaledInteger {
  /** `dumpCore='on'|'off'`. */
  dumpCore?: boolean;
}

/** `<page size unit nodeset/>` inside `<hugepages>`. */
export interface HugepagePage extends Extensible {
  size: number;
  unit?: string;
  nodeset?: string;
}

/** `<hugepages>`: empty means "default huge page size". */
export interface Hugepages extends Extensible {
  pages?: HugepagePage[];
}

/** `<source type/>`: `anonymous`, `file`, `memfd`. */
export interface MemorySource extends Extensible {
  type?: string;
}

/** `<access mode/>`: `shared` or `private`. */
export interface MemoryAccess extends Extensible {
  mode?: string;
}

/** `<allocation mode threads/>`: `immediate` or `ondemand`. */
export interface MemoryAllocation extends Extensible {
  mode?: string;
  threads?: number;
}

/** `<memoryBacking>`. Presence-only children are booleans. */
export interface MemoryBacking extends Extensible {
  hugepages?: Hugepages;
  nosharepages?: boolean;
  locked?: boolean;
  source?: MemorySource;
  access?: MemoryAccess;
  allocation?: MemoryAllocation;
  discard?: boolean;
}

/** `<memtune>`. */
export interface Memtune extends Extensible {
  hardLimit?: ScaledInteger;
  softLimit?: ScaledInteger;
  swapHardLimit?: ScaledInteger;
  minGuarantee?: ScaledInteger;
}

/** `<device>` inside `<blkiotune>`. */
export interface BlkiotuneDevice extends Extensible {
  path: string;
  weight?: number;
  readIopsSec?: number;
  writeIopsSec?: number;
  readBytesSec?: number;
  writeBytesSec?: number;
}

/** `<blkiotune>`. */
export interface Blkiotune extends Extensible {
  weight?: number;
  devices?: BlkiotuneDevice[];
}
