import type { BaseConfigurator } from '../base-configurator.ts';

/**
 * KVM-specific features. Reads `spec.domain.features.kvm.hidden`; writes
 * `<features><kvm><hidden state='on'/></kvm>` (hides the KVM signature from the guest, e.g. for
 * GPU drivers that refuse to run virtualized).
 */
export const kvmFeaturesConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:kvm-features',
  after: ['base:features'],
  configure(vmi, domain) {
    const hidden = vmi.spec.domain.features?.kvm?.hidden;
    if (hidden !== true) return;
    const features = { ...domain.features };
    features.kvm = { ...features.kvm, hidden: { state: true } };
    domain.features = features;
  },
};
