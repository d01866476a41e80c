import type { VirtualMachineInstance } from '../../types.ts';
import { objectAt } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

const SCHEDULING = 'is for the Kubernetes scheduler; kvmkit runs on one host and ignores it';

/** Fields kvmkit understands but deliberately does not act on, each with the reason. */
export const NOT_ACTED_ON: readonly (readonly [path: string, reason: string])[] = [
  ['spec.affinity', SCHEDULING],
  ['spec.nodeSelector', SCHEDULING],
  ['spec.tolerations', SCHEDULING],
  ['spec.topologySpreadConstraints', SCHEDULING],
  ['spec.schedulerName', SCHEDULING],
  ['spec.priorityClassName', SCHEDULING],
  ['spec.evictionStrategy', 'is about node drains; kvmkit does not migrate'],
  ['spec.dnsPolicy', 'configures the pod DNS; kvmkit has no pod'],
  ['spec.dnsConfig', 'configures the pod DNS; kvmkit has no pod'],
  ['spec.resourceClaims', 'needs Kubernetes dynamic resource allocation'],
  ['spec.readinessProbe', 'probes are run by the kubelet; kvmkit does not run them'],
  ['spec.livenessProbe', 'probes are run by the kubelet; kvmkit does not run them'],
  ['spec.accessCredentials', 'needs Kubernetes secrets; put keys in cloud-init user data instead'],
  ['spec.domain.resources.overcommitGuestOverhead', 'concerns the pod memory limit; kvmkit has no pod'],
];

/** Warns about every present field of NOT_ACTED_ON. */
export const notActedOnRule: VmiRule = {
  name: 'not-acted-on',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    for (const [path, reason] of NOT_ACTED_ON) {
      const keys = path.split('.');
      const last = keys.pop() ?? '';
      const value = objectAt(vmi, ...keys)?.[last];
      if (value !== undefined && value !== null) {
        problems.push({ path, reason, severity: 'warning', rule: 'not-acted-on' });
      }
    }
    return problems;
  },
};
