import { describe, expect, it } from 'vitest';
import { formatComparisons, ratio } from './benchmark-suite.ts';

describe('benchmark reporting', () => {
  const comparison = { metric: 'sequential get_lib_version', unit: 'calls/s', kvmkit: 12_000, peer: 8_000, peerName: 'C client', target: 1 };

  it('reports kvmkit over peer', () => {
    expect(ratio(comparison)).toBe(1.5);
  });

  it('prints rates, the ratio and whether the target is met', () => {
    const text = formatComparisons('libvirt-rpc', [comparison, { ...comparison, kvmkit: 4_000, target: 2 }]);
    expect(text).toContain('kvmkit 12,000 calls/s, C client 8,000 calls/s, ratio 1.50x  (target ≥ 1x: met)');
    expect(text).toContain('ratio 0.50x  (target ≥ 2x: MISSED)');
  });
});
