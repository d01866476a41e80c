import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { virtioModelFor } from './virtio-model.ts';
import type { BaseConfigurator } from '../base-configurator.ts';
import { devicesOf } from './devices.ts';

/** KubeVirt's annotation that switches free page reporting off. */
export const FREE_PAGE_REPORTING_DISABLED_ANNOTATION = 'kubevirt.io/free-page-reporting-disabled';

/** Free page reporting returns freed guest pages to the host; KubeVirt leaves it off where pages are pinned. */
function freePageReporting(vmi: VirtualMachineInstance): boolean {
  const { domain } = vmi.spec;
  if (vmi.metadata?.annotations?.[FREE_PAGE_REPORTING_DISABLED_ANNOTATION] === 'true') return false;
  if (domain.memory?.hugepages !== undefined) return false;
  if (domain.cpu?.dedicatedCpuPlacement === true || domain.cpu?.realtime !== undefined) return false;
  return true;
}

/**
 * Memory balloon. Reads `spec.domain.devices.autoattachMemBalloon`, the free-page-reporting
 * annotation, hugepages and dedicated CPUs; writes `<memballoon model>` with `<stats period>`
 * (option `memoryStatsPeriodSeconds`) and `freePageReporting`, or `model='none'` when off.
 */
export const memballoonConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:memballoon',
  configure(vmi, domain, context) {
    const devices = devicesOf(domain);
    if (vmi.spec.domain.devices.autoattachMemBalloon === false) {
      devices.memballoon = { model: 'none' };
      return;
    }
    const period = context.options.memoryStatsPeriodSeconds;
    devices.memballoon = {
      model: virtioModelFor(vmi, context),
      freePageReporting: freePageReporting(vmi),
      ...(period > 0 ? { stats: { period } } : {}),
    };
  },
};
