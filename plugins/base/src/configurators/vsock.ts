import { virtioModelFor } from './virtio-model.ts';
import type { BaseConfigurator } from '../base-configurator.ts';
import { devicesOf } from './devices.ts';

/**
 * VSOCK. Reads `devices.autoattachVSOCK`; writes `<vsock model><cid auto='yes'/>`: libvirt picks a
 * free context id at start (KubeVirt's controller assigns one cluster-wide; one host needs none).
 */
export const vsockConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:vsock',
  configure(vmi, domain, context) {
    if (vmi.spec.domain.devices.autoattachVSOCK !== true) return;
    devicesOf(domain).vsock = { model: virtioModelFor(vmi, context), cid: { auto: true } };
  },
};
