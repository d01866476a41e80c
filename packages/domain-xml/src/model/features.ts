import type { Extensible } from '../xml/xml-node.ts';
import type { ScaledInteger } from './common.ts';

/** A feature switched by `state='on'|'off'` (`true` ↔ `on`). */
export interface FeatureState extends Extensible {
  state?: boolean;
}

/** `<spinlocks state retries/>`. */
export interface HypervSpinlocks extends FeatureState {
  retries?: number;
}

/** `<stimer state><direct state/></stimer>`. */
export interface HypervStimer extends FeatureState {
  direct?: FeatureState;
}

/** `<vendor_id state value/>`. */
export interface HypervVendorId extends FeatureState {
  value?: string;
}

/** `<tlbflush state><direct state/><extended state/></tlbflush>`. */
export interface HypervTlbflush extends FeatureState {
  direct?: FeatureState;
  extended?: FeatureState;
}

/** `<hyperv mode>`: Hyper-V enlightenments, named as libvirt names them (camelCased). */
export interface Hyperv extends Extensible {
  /** `custom` (each enlightenment listed) or `passthrough` (all the host supports). */
  mode?: string;
  relaxed?: FeatureState;
  vapic?: FeatureState;
  spinlocks?: HypervSpinlocks;
  vpindex?: FeatureState;
  runtime?: FeatureState;
  synic?: FeatureState;
  stimer?: HypervStimer;
  reset?: FeatureState;
  vendorId?: HypervVendorId;
  frequencies?: FeatureState;
  reenlightenment?: FeatureState;
  tlbflush?: HypervTlbflush;
  ipi?: FeatureState;
  evmcs?: FeatureState;
  avic?: FeatureState;
  emsrBitmap?: FeatureState;
  xmmInput?: FeatureState;
}

/** `<dirty-ring state size/>`. */
export interface KvmDirtyRing extends FeatureState {
  size?: number;
}

/** `<kvm>`: KVM-specific features. */
export interface KvmFeatures extends Extensible {
  hidden?: FeatureState;
  hintDedicated?: FeatureState;
  pollControl?: FeatureState;
  pvIpi?: FeatureState;
  dirtyRing?: KvmDirtyRing;
}

/** `<apic eoi/>`. */
export interface ApicFeature extends Extensible {
  /** `eoi='on'|'off'`. */
  eoi?: boolean;
}

/** `<gic version/>` (ARM). */
export interface GicFeature extends Extensible {
  /** `2`, `3`, `host`. */
  version?: string;
}

/** `<smm state><tseg unit>N</tseg></smm>`. */
export interface SmmFeature extends FeatureState {
  tseg?: ScaledInteger;
}

/** `<ioapic driver/>`: `kvm` or `qemu`. */
export interface IoapicFeature extends Extensible {
  driver?: string;
}

/** `<hpt resizing><maxpagesize/></hpt>` (PPC). */
export interface HptFeature extends Extensible {
  resizing?: string;
  maxpagesize?: ScaledInteger;
}

/** A feature with a `value` attribute (`cfpc`, `sbbc`, `ibs`). */
export interface FeatureValue extends Extensible {
  value?: string;
}

/** `<tcg><tb-cache unit>N</tb-cache></tcg>`. */
export interface TcgFeature extends Extensible {
  tbCache?: ScaledInteger;
}

/** `<async-teardown enabled/>`. */
export interface AsyncTeardownFeature extends Extensible {
  /** `enabled='yes'|'no'`. */
  enabled?: boolean;
}

/** `<features>`. Presence-only features are booleans (`true` ↔ element present). */
export interface Features extends Extensible {
  acpi?: boolean;
  apic?: ApicFeature;
  pae?: boolean;
  hap?: FeatureState;
  viridian?: boolean;
  privnet?: boolean;
  hyperv?: Hyperv;
  kvm?: KvmFeatures;
  pvspinlock?: FeatureState;
  pmu?: FeatureState;
  vmport?: FeatureState;
  gic?: GicFeature;
  smm?: SmmFeature;
  ioapic?: IoapicFeature;
  hpt?: HptFeature;
  vmcoreinfo?: FeatureState;
  htm?: FeatureState;
  nestedHv?: FeatureState;
  ccfAssist?: FeatureState;
  cfpc?: FeatureValue;
  sbbc?: FeatureValue;
  ibs?: FeatureValue;
  tcg?: TcgFeature;
  asyncTeardown?: AsyncTeardownFeature;
  ras?: FeatureState;
  ps2?: FeatureState;
}
