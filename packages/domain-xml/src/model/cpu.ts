import type { Extensible } from '../xml/xml-node.ts';

/** `<model fallback vendor_id>NAME</model>`. */
export interface CpuModel extends Extensible {
  value?: string;
  /** `allow` or `forbid`. */
  fallback?: string;
  vendorId?: string;
}

/** `<topology sockets dies clusters cores threads/>`. */
export interface CpuTopology extends Extensible {
  sockets?: number;
  dies?: number;
  clusters?: number;
  cores?: number;
  threads?: number;
}

/** `<feature policy name/>`. */
export interface CpuFeature extends Extensible {
  /** `force`, `require`, `optional`, `disable`, `forbid`. */
  policy?: string;
  name: string;
}

/** `<cache level mode/>` of the guest CPU. */
export interface CpuCache extends Extensible {
  level?: number;
  /** `emulate`, `passthrough`, `disable`. */
  mode?: string;
}

/** `<sibling id value/>` inside `<distances>`. */
export interface NumaDistance extends Extensible {
  id: number;
  value: number;
}

/** `<distances>` of a NUMA cell. */
export interface NumaDistances extends Extensible {
  siblings: NumaDistance[];
}

/** `<size value unit/>` or `<line value unit/>` of a NUMA cell cache. */
export interface NumaCacheValue extends Extensible {
  value: number;
  unit?: string;
}

/** `<cache level associativity policy>` of a NUMA cell (HMAT). */
export interface NumaCellCache extends Extensible {
  level: number;
  /** `none`, `direct`, `full`. */
  associativity?: string;
  /** `none`, `writeback`, `writethrough`. */
  policy?: string;
  size?: NumaCacheValue;
  line?: NumaCacheValue;
}

/** `<cell id cpus memory unit memAccess discard>` of the guest NUMA topology. */
export interface NumaCell extends Extensible {
  id?: number;
  /** CPU list, e.g. `0-3,8-11`. */
  cpus?: string;
  memory: number;
  unit?: string;
  /** `shared` or `private`. */
  memAccess?: string;
  /** `discard='yes'|'no'`. */
  discard?: boolean;
  distances?: NumaDistances;
  caches?: NumaCellCache[];
}

/** `<latency>` / `<bandwidth>` inside `<interconnects>`. */
export interface NumaInterconnect extends Extensible {
  initiator: number;
  target: number;
  cache?: number;
  /** `access`, `read`, `write`. */
  type: string;
  value: number;
  unit?: string;
}

export interface NumaInterconnects extends Extensible {
  latencies?: NumaInterconnect[];
  bandwidths?: NumaInterconnect[];
}

/** `<numa>` of the guest CPU. */
export interface CpuNuma extends Extensible {
  cells: NumaCell[];
  interconnects?: NumaInterconnects;
}

/** `<cpu>`. */
export interface Cpu extends Extensible {
  /** `custom`, `host-model`, `host-passthrough`, `maximum`. */
  mode?: string;
  /** `minimum`, `exact`, `strict`. */
  match?: string;
  /** `none`, `partial`, `full`. */
  check?: string;
  /** `migratable='on'|'off'`. */
  migratable?: boolean;
  model?: CpuModel;
  vendor?: string;
  topology?: CpuTopology;
  cache?: CpuCache;
  features?: CpuFeature[];
  numa?: CpuNuma;
}
