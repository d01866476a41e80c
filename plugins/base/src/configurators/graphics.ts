import type { BaseConfigurator } from '../base-configurator.ts';
import { statePaths } from '../paths/state-paths.ts';
import { devicesOf } from './devices.ts';

/**
 * VNC. Reads `devices.autoattachGraphicsDevice` (default on); writes `<graphics type='vnc'>`
 * listening only on a unix socket at `<state>/virt-vnc` (no TCP port), as KubeVirt does.
 */
export const graphicsConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:graphics',
  configure(vmi, domain, context) {
    if (vmi.spec.domain.devices.autoattachGraphicsDevice === false) return;
    const devices = devicesOf(domain);
    devices.graphics = [...(devices.graphics ?? []), { type: 'vnc', listens: [{ type: 'socket', socket: statePaths.vncSocket(context.directories) }] }];
  },
};
