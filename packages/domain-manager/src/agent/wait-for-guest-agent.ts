import type { GuestAgent } from './guest-agent.ts';

/**
 * Pings the guest agent until it answers: qemu-ga starts a moment after the guest has booted, and
 * until then libvirt reports it as not connected. After `timeoutMs` the last error is thrown.
 */
export async function waitForGuestAgent(agent: Pick<GuestAgent, 'ping'>, timeoutMs: number, retryMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await agent.ping();
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}
