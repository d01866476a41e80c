import type { ApicFeature, AsyncTeardownFeature, Features, FeatureState, FeatureValue, GicFeature, HptFeature, Hyperv, HypervSpinlocks, HypervStimer, HypervTlbflush, HypervVendorId, IoapicFeature, KvmDirtyRing, KvmFeatures, SmmFeature, TcgFeature } from '../model/features.ts';
import { child, defineElement, flag } from '../xml/element-spec.ts';
import { scaledIntegerSpec } from './common.ts';
import { integerAttribute, onOffAttribute, stringAttribute, yesNoAttribute } from './fields.ts';

const stateSpec = defineElement<FeatureState>({ state: onOffAttribute('state') });
const valueSpec = defineElement<FeatureValue>({ value: stringAttribute('value') });

export const hypervSpec = defineElement<Hyperv>({
  mode: stringAttribute('mode'),
  relaxed: child('relaxed', stateSpec),
  vapic: child('vapic', stateSpec),
  spinlocks: child('spinlocks', defineElement<HypervSpinlocks>({ state: onOffAttribute('state'), retries: integerAttribute('retries') })),
  vpindex: child('vpindex', stateSpec),
  runtime: child('runtime', stateSpec),
  synic: child('synic', stateSpec),
  stimer: child('stimer', defineElement<HypervStimer>({ state: onOffAttribute('state'), direct: child('direct', stateSpec) })),
  reset: child('reset', stateSpec),
  vendorId: child('vendor_id', defineElement<HypervVendorId>({ state: onOffAttribute('state'), value: stringAttribute('value') })),
  frequencies: child('frequencies', stateSpec),
  reenlightenment: child('reenlightenment', stateSpec),
  tlbflush: child('tlbflush', defineElement<HypervTlbflush>({ state: onOffAttribute('state'), direct: child('direct', stateSpec), extended: child('extended', stateSpec) })),
  ipi: child('ipi', stateSpec),
  evmcs: child('evmcs', stateSpec),
  avic: child('avic', stateSpec),
  emsrBitmap: child('emsr_bitmap', stateSpec),
  xmmInput: child('xmm_input', stateSpec),
});

const kvmSpec = defineElement<KvmFeatures>({
  hidden: child('hidden', stateSpec),
  hintDedicated: child('hint-dedicated', stateSpec),
  pollControl: child('poll-control', stateSpec),
  pvIpi: child('pv-ipi', stateSpec),
  dirtyRing: child('dirty-ring', defineElement<KvmDirtyRing>({ state: onOffAttribute('state'), size: integerAttribute('size') })),
});

// Field order is libvirt's feature enum order, which its formatter follows.
export const featuresSpec = defineElement<Features>({
  acpi: flag('acpi'),
  apic: child('apic', defineElement<ApicFeature>({ eoi: onOffAttribute('eoi') })),
  pae: flag('pae'),
  hap: child('hap', stateSpec),
  viridian: flag('viridian'),
  privnet: flag('privnet'),
  hyperv: child('hyperv', hypervSpec),
  kvm: child('kvm', kvmSpec),
  pvspinlock: child('pvspinlock', stateSpec),
  pmu: child('pmu', stateSpec),
  vmport: child('vmport', stateSpec),
  gic: child('gic', defineElement<GicFeature>({ version: stringAttribute('version') })),
  smm: child('smm', defineElement<SmmFeature>({ state: onOffAttribute('state'), tseg: child('tseg', scaledIntegerSpec) })),
  ioapic: child('ioapic', defineElement<IoapicFeature>({ driver: stringAttribute('driver') })),
  hpt: child('hpt', defineElement<HptFeature>({ resizing: stringAttribute('resizing'), maxpagesize: child('maxpagesize', scaledIntegerSpec) })),
  vmcoreinfo: child('vmcoreinfo', stateSpec),
  htm: child('htm', stateSpec),
  nestedHv: child('nested-hv', stateSpec),
  ccfAssist: child('ccf-assist', stateSpec),
  cfpc: child('cfpc', valueSpec),
  sbbc: child('sbbc', valueSpec),
  ibs: child('ibs', valueSpec),
  tcg: child('tcg', defineElement<TcgFeature>({ tbCache: child('tb-cache', scaledIntegerSpec) })),
  asyncTeardown: child('async-teardown', defineElement<AsyncTeardownFeature>({ enabled: yesNoAttribute('enabled') })),
  ras: child('ras', stateSpec),
  ps2: child('ps2', stateSpec),
});
