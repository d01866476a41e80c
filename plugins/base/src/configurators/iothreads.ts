import type { BaseConfigurator } from '../base-configurator.ts';
import { planIoThreads } from './io-threads-plan.ts';

/**
 * IOThreads. Reads `spec.domain.ioThreadsPolicy` (`shared`, `auto`; `supplementalPool` is
 * treated as `shared` with a warning) and each disk's `dedicatedIOThread`; writes
 * `<iothreads>N</iothreads>`. The disk configurator puts each virtio disk on its thread.
 */
export const ioThreadsConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:iothreads',
  configure(vmi, domain, context) {
    if (vmi.spec.domain.ioThreadsPolicy === 'supplementalPool') {
      context.warn('spec.domain.ioThreadsPolicy', 'supplementalPool is not implemented by kvmkit; the disks share one IOThread');
    }
    const plan = planIoThreads(vmi);
    if (plan.count > 0) domain.iothreads = plan.count;
  },
};
