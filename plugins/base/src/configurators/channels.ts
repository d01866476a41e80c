import type { BaseConfigurator } from '../base-configurator.ts';
import { devicesOf } from './devices.ts';

/** The virtio-serial port name qemu-guest-agent listens on. */
export const GUEST_AGENT_CHANNEL = 'org.qemu.guest_agent.0';

/**
 * The guest agent channel. Reads nothing (every KubeVirt VMI has it); writes
 * `<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>`. The
 * socket path is left to libvirt, which puts it in its own channel directory and connects to it.
 */
export const channelsConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:channels',
  configure(_vmi, domain) {
    const devices = devicesOf(domain);
    devices.channels = [...(devices.channels ?? []), { type: 'unix', target: { type: 'virtio', name: GUEST_AGENT_CHANNEL } }];
  },
};
