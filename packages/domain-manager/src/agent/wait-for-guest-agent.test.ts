import { describe, expect, it } from 'vitest';
import { waitForGuestAgent } from './wait-for-guest-agent.ts';

/** An agent whose first `failures` pings fail, as qemu-ga does before it has started. */
function agentAnsweringAfter(failures: number): { ping: () => Promise<void>; pings: () => number } {
  let count = 0;
  return {
    ping: () => {
      count += 1;
      return count > failures ? Promise.resolve() : Promise.reject(new Error(`not connected (ping ${String(count)})`));
    },
    pings: () => count,
  };
}

describe('waitForGuestAgent', () => {
  it('pings until the agent answers', async () => {
    const agent = agentAnsweringAfter(3);
    await waitForGuestAgent(agent, 10_000, 1);
    expect(agent.pings()).toBe(4);
  });

  it('returns after one ping when the agent is already up', async () => {
    const agent = agentAnsweringAfter(0);
    await waitForGuestAgent(agent, 0, 1);
    expect(agent.pings()).toBe(1);
  });

  it('throws the last error once the time is up', async () => {
    const agent = agentAnsweringAfter(Number.POSITIVE_INFINITY);
    await expect(waitForGuestAgent(agent, 0, 1)).rejects.toThrow('not connected (ping 1)');
    expect(agent.pings()).toBe(1);
  });
});
