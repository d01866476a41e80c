import { virtioModelFor } from './virtio-model.ts';
import type { BaseConfigurator } from '../base-configurator.ts';
import { devicesOf } from './devices.ts';

/** Entropy device. Reads `devices.rng`; writes `<rng model='virtio'><backend model='random'>/dev/urandom`. */
export const rngConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:rng',
  configure(vmi, domain, context) {
    if (vmi.spec.domain.devices.rng === undefined) return;
    const devices = devicesOf(domain);
    devices.rngs = [...(devices.rngs ?? []), { model: virtioModelFor(vmi, context), backend: { model: 'random', value: '/dev/urandom' } }];
  },
};
