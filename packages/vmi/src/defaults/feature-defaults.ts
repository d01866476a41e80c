import type { DomainSpec, FeatureState } from '../types.ts';
import type { ArchitectureDefaults } from './architecture-defaults.ts';

/** Hyper-V enlightenments whose presence means "on" unless `enabled: false` (SetDefaults_FeatureState). */
const HYPERV_FEATURES = [
  'relaxed',
  'vapic',
  'spinlocks',
  'vpindex',
  'runtime',
  'synic',
  'synictimer',
  'reset',
  'vendorid',
  'frequencies',
  'reenlightenment',
  'tlbflush',
  'ipi',
  'evmcs',
] as const;

const TIMERS = ['hpet', 'pit', 'kvm', 'hyperv', 'rtc'] as const;

/**
 * `features` always exists and ACPI is on unless the architecture has none; every feature or
 * timer that is present is enabled unless it says otherwise; Hyper-V spinlocks retry 4096 times
 * (SetDefaults_VirtualMachineInstance and the generated SetObjectDefaults in kubevirt.io/api).
 */
export function defaultFeatures(domain: DomainSpec, architecture: ArchitectureDefaults): void {
  const features = (domain.features ??= {});
  features.acpi ??= {};
  features.acpi.enabled ??= architecture.acpiEnabled;
  enableIfPresent(features.smm);
  enableIfPresent(features.pvspinlock);
  enableIfPresent(features.apic);

  const hyperv = features.hyperv;
  if (hyperv !== undefined) {
    for (const name of HYPERV_FEATURES) enableIfPresent(hyperv[name]);
    enableIfPresent(hyperv.synictimer?.direct);
    enableIfPresent(hyperv.tlbflush?.direct);
    enableIfPresent(hyperv.tlbflush?.extended);
    if (hyperv.spinlocks?.enabled === true) hyperv.spinlocks.spinlocks ??= 4096;
  }

  const timer = domain.clock?.timer;
  if (timer !== undefined) {
    // Timers spell "enabled" as `present` in the API.
    for (const name of TIMERS) {
      const clockTimer = timer[name];
      if (clockTimer !== undefined) clockTimer.present ??= true;
    }
  }
}

function enableIfPresent(feature: FeatureState | undefined): void {
  if (feature !== undefined) feature.enabled ??= true;
}
