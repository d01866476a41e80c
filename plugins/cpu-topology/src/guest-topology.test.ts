import { describe, expect, it } from 'vitest';
import { arrangeTopology, type GuestTopology } from './guest-topology.ts';
import type { PreferredTopology, SpreadAcross } from './options.ts';
import type { TopologyPreference } from './preferences.ts';

function preference(preferred: PreferredTopology, across: SpreadAcross = 'SocketsCores', ratio = 2): TopologyPreference {
  return { preferred, across, ratio, paths: { preferred: 'p', across: 'a', ratio: 'r' } };
}

function arranged(vcpus: number, chosen: TopologyPreference): GuestTopology | string {
  const result = arrangeTopology({ sockets: vcpus, cores: 1, threads: 1 }, chosen);
  return result.ok ? result.topology : result.reason;
}

describe('arranging vCPUs by a preference (KubeVirt\'s examples)', () => {
  it('puts the count into sockets, cores or threads', () => {
    expect(arranged(4, preference('preferSockets'))).toEqual({ sockets: 4, cores: 1, threads: 1 });
    expect(arranged(4, preference('any'))).toEqual({ sockets: 4, cores: 1, threads: 1 });
    expect(arranged(4, preference('cores'))).toEqual({ sockets: 1, cores: 4, threads: 1 });
    expect(arranged(4, preference('preferThreads'))).toEqual({ sockets: 1, cores: 1, threads: 4 });
  });

  it('spreads across sockets and cores by the ratio', () => {
    expect(arranged(16, preference('spread', 'SocketsCores', 4))).toEqual({ sockets: 4, cores: 4, threads: 1 });
    expect(arranged(4, preference('preferSpread'))).toEqual({ sockets: 2, cores: 2, threads: 1 });
  });

  it('spreads across sockets, cores and two threads', () => {
    expect(arranged(4, preference('spread', 'SocketsCoresThreads'))).toEqual({ sockets: 1, cores: 2, threads: 2 });
    expect(arranged(12, preference('spread', 'SocketsCoresThreads'))).toEqual({ sockets: 3, cores: 2, threads: 2 });
  });

  it('spreads across cores and threads', () => {
    expect(arranged(6, preference('spread', 'CoresThreads'))).toEqual({ sockets: 1, cores: 3, threads: 2 });
  });

  it('refuses a count the spread does not divide', () => {
    expect(arranged(6, preference('spread', 'SocketsCoresThreads'))).toContain('multiple of 4');
  });

  it('leaves a topology the VMI spelled out alone', () => {
    const result = arrangeTopology({ sockets: 1, cores: 2, threads: 2 }, preference('preferSockets'));
    expect(result).toEqual({ ok: true, topology: { sockets: 1, cores: 2, threads: 2 }, applied: false });
  });
});
