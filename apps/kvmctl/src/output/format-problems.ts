import type { LoadedVmi, VmiProblem } from '@kvmkit/vmi';

/** One line per problem: `file:line: severity path: reason (rule)`, the way compilers print. */
export function formatProblem(problem: VmiProblem, loaded: LoadedVmi): string {
  const line = loaded.lineOf(problem.path);
  const where = `${loaded.origin.source ?? '<stdin>'}${line === undefined ? '' : `:${String(line)}`}`;
  return `${where}: ${problem.severity} ${problem.path || '(vmi)'}: ${problem.reason} (${problem.rule})`;
}
