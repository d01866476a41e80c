import type { VmiProblem } from '@kvmkit/vmi';
import { KvmkitError } from './kvmkit-error.ts';

/** A VMI failed validation. `problems` holds every problem found, errors and warnings. */
export class VmiInvalidError extends KvmkitError {
  readonly problems: readonly VmiProblem[];

  constructor(vmi: string, problems: readonly VmiProblem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    const listed = errors.map((problem) => `${problem.path}: ${problem.reason}`).join('; ');
    super('VMI_INVALID', `VMI ${vmi} is invalid (${String(errors.length)} error${errors.length === 1 ? '' : 's'}): ${listed}`, { vmi });
    this.name = 'VmiInvalidError';
    this.problems = problems;
  }
}
