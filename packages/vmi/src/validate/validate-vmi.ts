import type { VirtualMachineInstance } from '../types.ts';
import { CORE_RULES } from './core-rules.ts';
import type { VmiProblem, VmiRule } from './vmi-problem.ts';

export interface ValidateOptions {
  /** Rules run after the core rules, e.g. those of feature plugins. */
  readonly rules?: readonly VmiRule[];
}

/**
 * Every problem of a VMI at once: the core rules, then `options.rules`. A rule that throws does
 * not stop the others; its failure is reported as an error problem under its name.
 */
export function validateVmi(vmi: VirtualMachineInstance, options: ValidateOptions = {}): VmiProblem[] {
  const problems: VmiProblem[] = [];
  for (const rule of [...CORE_RULES, ...(options.rules ?? [])]) {
    try {
      problems.push(...rule.validate(vmi));
    } catch (error) {
      problems.push({
        path: '',
        reason: `rule failed: ${error instanceof Error ? error.message : String(error)}`,
        severity: 'error',
        rule: rule.name,
      });
    }
  }
  return problems;
}
