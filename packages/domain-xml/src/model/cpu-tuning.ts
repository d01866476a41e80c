import type { Extensible } from '../xml/xml-node.ts';

/** `<vcpu placement cpuset current>N</vcpu>`: the maximum number of vCPUs. */
export interface Vcpu extends Extensible {
  value: number;
  /** `static` or `auto`. */
  placement?: string;
  cpuset?: string;
  current?: number;
}

/** `<vcpu id enabled hotpluggable order/>` inside `<vcpus>`. */
export interface VcpuState extends Extensible {
  id: number;
  /** `enabled='yes'|'no'`. */
  enabled?: boolean;
  /** `hotpluggable='yes'|'no'`. */
  hotpluggable?: boolean;
  order?: number;
}

/** `<vcpus>`: per-vCPU state. */
export interface Vcpus extends Extensible {
  vcpus: VcpuState[];
}

/** `<iothread id thread_pool_min thread_pool_max/>`. */
export interface Iothread extends Extensible {
  id: number;
  threadPoolMin?: number;
  threadPoolMax?: number;
}

/** `<iothreadids>`. */
export interface Iothreadids extends Extensible {
  iothreads: Iothread[];
}

/** `<defaultiothread thread_pool_min thread_pool_max/>`. */
export interface DefaultIothread extends Extensible {
  threadPoolMin?: number;
  threadPoolMax?: number;
}

/** `<vcpupin vcpu cpuset/>`. */
export interface VcpuPin extends Extensible {
  vcpu: number;
  cpuset: string;
}

/** `<emulatorpin cpuset/>`. */
export interface EmulatorPin extends Extensible {
  cpuset: string;
}

/** `<iothreadpin iothread cpuset/>`. */
export interface IothreadPin extends Extensible {
  iothread: number;
  cpuset: string;
}

/** `<vcpusched vcpus scheduler priority/>`, `<iothreadsched iothreads …/>`, `<emulatorsched …/>`. */
export interface ThreadScheduler extends Extensible {
  vcpus?: string;
  iothreads?: string;
  /** `batch`, `idle`, `fifo`, `rr`. */
  scheduler: string;
  priority?: number;
}

/** `<cachetune vcpus>` (resctrl). Its children are kept generic. */
export interface Cachetune extends Extensible {
  vcpus: string;
}

/** `<cputune>`. */
export interface Cputune extends Extensible {
  shares?: number;
  period?: number;
  /** Negative means unlimited. */
  quota?: number;
  globalPeriod?: number;
  globalQuota?: number;
  emulatorPeriod?: number;
  emulatorQuota?: number;
  iothreadPeriod?: number;
  iothreadQuota?: number;
  vcpupins?: VcpuPin[];
  emulatorpin?: EmulatorPin;
  iothreadpins?: IothreadPin[];
  emulatorsched?: ThreadScheduler;
  vcpuscheds?: ThreadScheduler[];
  iothreadscheds?: ThreadScheduler[];
  cachetunes?: Cachetune[];
}

/** `<memory mode placement nodeset/>` inside `<numatune>`. */
export interface NumatuneMemory extends Extensible {
  /** `strict`, `preferred`, `interleave`, `restrictive`. */
  mode?: string;
  /** `static` or `auto`. */
  placement?: string;
  nodeset?: string;
}

/** `<memnode cellid mode nodeset/>`. */
export interface NumatuneMemnode extends Extensible {
  cellid: number;
  mode?: string;
  nodeset?: string;
}

/** `<numatune>`. */
export interface Numatune extends Extensible {
  memory?: NumatuneMemory;
  memnodes?: NumatuneMemnode[];
}

/** `<resource><partition>…</partition></resource>`. */
export interface Resource extends Extensible {
  partition?: string;
}
