import type { VmiProblem } from '@kvmkit/vmi';

/** An admission problem of this plugin's configurator. */
export function problem(rule: string, path: string, reason: string, severity: VmiProblem['severity'] = 'error'): VmiProblem {
  return { path, reason, severity, rule };
}
