import type { Domain as DomainModel } from '@kvmkit/domain-xml';

/** The virtio-serial channel qemu-ga talks on. */
export const GUEST_AGENT_CHANNEL = 'org.qemu.guest_agent.0';

/**
 * Whether the guest agent is connected, from a running domain's live XML: libvirt marks the
 * agent channel `state='connected'`. A manager that adopts a running domain (after a restart, a
 * migration) learns it this way, since the agent-lifecycle event fired before it was listening.
 */
export function agentChannelConnected(live: DomainModel): boolean {
  return (live.devices?.channels ?? []).some((channel) => channel.target?.name === GUEST_AGENT_CHANNEL && channel.target.state === 'connected');
}
