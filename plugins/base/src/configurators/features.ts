import type { BaseConfigurator } from '../base-configurator.ts';

/**
 * Platform features. Reads `spec.domain.features.{acpi,apic,smm,pvspinlock}`; writes `<acpi/>`,
 * `<apic eoi/>`, `<smm state>`, `<pvspinlock state>`. Hyper-V and the `<kvm>` block belong to
 * other configurators (the hyperv plugin, `base:kvm-features`), which add to the same `<features>`.
 */
export const featuresConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:features',
  configure(vmi, domain) {
    const source = vmi.spec.domain.features;
    const features = { ...domain.features };
    // KubeVirt's API default: ACPI is on unless switched off (withDefaults writes it, too).
    if (source?.acpi?.enabled !== false) features.acpi = true;
    if (source?.apic !== undefined && source.apic.enabled !== false) {
      features.apic = source.apic.endOfInterrupt === undefined ? {} : { eoi: source.apic.endOfInterrupt };
    }
    if (source?.smm !== undefined) features.smm = { state: source.smm.enabled !== false };
    if (source?.pvspinlock !== undefined) features.pvspinlock = { state: source.pvspinlock.enabled !== false };
    domain.features = features;
  },
};
