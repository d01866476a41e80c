/**
 * One benchmark suite: it measures kvmkit and a peer (libvirt's C client, virt-install, a plain
 * parser, …) on the same work in the same run, so results are ratios, never absolute timings.
 */
export interface BenchmarkSuite {
  /** Shown as the table heading, e.g. `libvirt-rpc`. */
  name: string;
  run(): Promise<Comparison[]>;
}

/** One measured quantity, for kvmkit and for its peer, in the same unit where more is better. */
export interface Comparison {
  /** What was measured, e.g. `sequential domain_get_state`. */
  metric: string;
  /** Unit of both values, e.g. `calls/s`, `docs/s`. */
  unit: string;
  kvmkit: number;
  peer: number;
  /** Who the peer is, e.g. `python3-libvirt (C client)`. */
  peerName: string;
  /** Ratio kvmkit/peer the project aims for, when it has one. */
  target?: number;
}

/** kvmkit/peer, with both rates in a "more is better" unit. */
export function ratio(comparison: Comparison): number {
  return comparison.kvmkit / comparison.peer;
}

function formatRate(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}

/** A plain-text table, one line per comparison, with the ratio and whether it meets its target. */
export function formatComparisons(suiteName: string, comparisons: readonly Comparison[]): string {
  const lines = [`## ${suiteName}`];
  for (const comparison of comparisons) {
    const value = ratio(comparison);
    const verdict = comparison.target === undefined ? '' : value >= comparison.target ? `  (target ≥ ${String(comparison.target)}x: met)` : `  (target ≥ ${String(comparison.target)}x: MISSED)`;
    lines.push(
      `${comparison.metric}: kvmkit ${formatRate(comparison.kvmkit)} ${comparison.unit}, ${comparison.peerName} ${formatRate(comparison.peer)} ${comparison.unit}, ratio ${value.toFixed(2)}x${verdict}`,
    );
  }
  return lines.join('\n');
}
