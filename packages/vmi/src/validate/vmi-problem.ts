import type { VirtualMachineInstance } from '../types.ts';

/** One thing wrong with a VMI: where (`spec.domain.devices.disks[1].disk.bus`), why, how bad, which rule. */
export interface VmiProblem {
  readonly path: string;
  readonly reason: string;
  readonly severity: 'error' | 'warning';
  readonly rule: string;
}

/**
 * A validation rule. `validate` gets the VMI as loaded (not yet defaulted), which may be
 * structurally wrong in any way, so it must read fields defensively; it returns every problem it
 * finds, an empty list when there is none. Feature plugins contribute their own rules.
 */
export interface VmiRule {
  readonly name: string;
  validate(vmi: VirtualMachineInstance): VmiProblem[];
}
