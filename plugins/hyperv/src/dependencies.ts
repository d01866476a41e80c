import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { pathOf, statesOf, type Requirement } from './enlightenment-states.ts';

/**
 * What each enlightenment needs, from KubeVirt's webhook (synic → vpindex, synictimer → synic,
 * tlbflush → vpindex, ipi → vpindex, evmcs → vapic) and QEMU's Hyper-V documentation, which
 * libvirt passes on (stimer also needs hv-time, the Hyper-V clock).
 */
export const REQUIREMENTS: readonly (readonly [Requirement, Requirement])[] = [
  ['synic', 'vpindex'],
  ['synictimer', 'synic'],
  ['synictimer', 'vpindex'],
  ['synictimer', 'time'],
  ['tlbflush', 'vpindex'],
  ['ipi', 'vpindex'],
  ['evmcs', 'vapic'],
];

/** The outcome: every enlightenment's final state, what was switched on, and what conflicts. */
export interface ResolvedDependencies {
  states: Map<Requirement, boolean | undefined>;
  /** Requirements the VMI left out that were switched on for a feature that needs them. */
  enabled: { feature: Requirement; requirement: Requirement }[];
  /** A feature whose requirement the VMI switched off, or left out when enabling is not allowed. */
  unmet: { feature: Requirement; requirement: Requirement; explicitlyOff: boolean }[];
}

/**
 * Applies the requirements until nothing changes (synictimer → synic → vpindex chains), the way
 * KubeVirt's mutating webhook does; a requirement the VMI turned off is never turned on.
 */
export function resolveDependencies(vmi: VirtualMachineInstance, enableMissing: boolean): ResolvedDependencies {
  const states = statesOf(vmi);
  const resolved: ResolvedDependencies = { states, enabled: [], unmet: [] };
  let changed = true;
  while (changed) {
    changed = false;
    for (const [feature, requirement] of REQUIREMENTS) {
      if (states.get(feature) !== true || states.get(requirement) === true) continue;
      const explicitlyOff = states.get(requirement) === false;
      if (explicitlyOff || !enableMissing) {
        if (!resolved.unmet.some((entry) => entry.feature === feature && entry.requirement === requirement)) resolved.unmet.push({ feature, requirement, explicitlyOff });
        continue;
      }
      states.set(requirement, true);
      resolved.enabled.push({ feature, requirement });
      changed = true;
    }
  }
  return resolved;
}

export function describeRequirement(feature: Requirement, requirement: Requirement): string {
  return `${pathOf(feature)} requires ${pathOf(requirement)}`;
}
