import type { BaseConfigurator } from '../base-configurator.ts';
import { devicesOf } from './devices.ts';

/**
 * Watchdog. Reads `devices.watchdog` (`i6300esb` or `diag288`, with `action`); writes
 * `<watchdog model action>` (KubeVirt's actions `poweroff`, `reset`, `shutdown` are libvirt's).
 */
export const watchdogConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:watchdog',
  configure(vmi, domain) {
    const watchdog = vmi.spec.domain.devices.watchdog;
    if (watchdog === undefined) return;
    const model = watchdog.i6300esb === undefined ? (watchdog.diag288 === undefined ? undefined : 'diag288') : 'i6300esb';
    if (model === undefined) return;
    const action = (model === 'i6300esb' ? watchdog.i6300esb?.action : watchdog.diag288?.action) ?? 'reset';
    const devices = devicesOf(domain);
    devices.watchdogs = [...(devices.watchdogs ?? []), { model, action, alias: { name: `ua-${watchdog.name}` } }];
  },
};
