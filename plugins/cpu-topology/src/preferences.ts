import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { PREFERRED_TOPOLOGIES, SPREAD_ACROSS, type CpuTopologyOptions, type PreferredTopology, type SpreadAcross } from './options.ts';

/** VMI annotations that carry an instancetype preference's CPU topology (a bare VMI has none). */
export const PREFERRED_TOPOLOGY_ANNOTATION = 'cpu-topology.kvmkit.dev/preferred-topology';
export const SPREAD_ACROSS_ANNOTATION = 'cpu-topology.kvmkit.dev/spread-across';
export const SPREAD_RATIO_ANNOTATION = 'cpu-topology.kvmkit.dev/spread-ratio';

/** The topology preference in force, from the VMI's annotations or else the plugin options. */
export interface TopologyPreference {
  preferred?: PreferredTopology;
  across: SpreadAcross;
  ratio: number;
  /** Where each value came from, for error paths. */
  paths: { preferred: string; across: string; ratio: string };
}

/** Reading a preference can fail on a bad annotation; the failure names the annotation. */
export type PreferenceReading = { ok: true; preference: TopologyPreference } | { ok: false; path: string; reason: string };

function annotationPath(name: string): string {
  return `metadata.annotations['${name}']`;
}

function isOneOf<Value extends string>(values: readonly Value[], text: string): text is Value {
  return (values as readonly string[]).includes(text);
}

export function readPreference(vmi: VirtualMachineInstance, options: CpuTopologyOptions): PreferenceReading {
  const annotations = vmi.metadata?.annotations ?? {};
  const preferredText = annotations[PREFERRED_TOPOLOGY_ANNOTATION];
  const acrossText = annotations[SPREAD_ACROSS_ANNOTATION];
  const ratioText = annotations[SPREAD_RATIO_ANNOTATION];
  if (preferredText !== undefined && !isOneOf(PREFERRED_TOPOLOGIES, preferredText)) {
    return { ok: false, path: annotationPath(PREFERRED_TOPOLOGY_ANNOTATION), reason: `unknown preferred CPU topology "${preferredText}"; use one of ${PREFERRED_TOPOLOGIES.join(', ')}` };
  }
  if (acrossText !== undefined && !isOneOf(SPREAD_ACROSS, acrossText)) {
    return { ok: false, path: annotationPath(SPREAD_ACROSS_ANNOTATION), reason: `unknown spread "${acrossText}"; use one of ${SPREAD_ACROSS.join(', ')}` };
  }
  if (ratioText !== undefined && !/^[1-9]\d*$/.test(ratioText)) {
    return { ok: false, path: annotationPath(SPREAD_RATIO_ANNOTATION), reason: `the spread ratio must be a whole number of at least 1, got "${ratioText}"` };
  }
  const preferred = preferredText ?? options.preferredTopology;
  return {
    ok: true,
    preference: {
      ...(preferred === undefined ? {} : { preferred }),
      across: acrossText ?? options.spreadOptions.across,
      ratio: ratioText === undefined ? options.spreadOptions.ratio : Number(ratioText),
      paths: {
        preferred: preferredText === undefined ? 'options.preferredTopology' : annotationPath(PREFERRED_TOPOLOGY_ANNOTATION),
        across: acrossText === undefined ? 'options.spreadOptions.across' : annotationPath(SPREAD_ACROSS_ANNOTATION),
        ratio: ratioText === undefined ? 'options.spreadOptions.ratio' : annotationPath(SPREAD_RATIO_ANNOTATION),
      },
    },
  };
}
