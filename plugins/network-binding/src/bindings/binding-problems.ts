import type { VmiProblem } from '@kvmkit/vmi';
import type { InterfaceUnderCheck } from './checked-network-binding.ts';

/** The rule name every problem of this plugin carries. */
export const INTERFACES_RULE = 'network-binding:interfaces';

export function bindingError(path: string, reason: string): VmiProblem {
  return { path, reason, severity: 'error', rule: INTERFACES_RULE };
}

export function bindingWarning(path: string, reason: string): VmiProblem {
  return { path, reason, severity: 'warning', rule: INTERFACES_RULE };
}

/** `ports` on a binding that forwards nothing: a user would expect traffic that never arrives. */
export function portsRefused({ vmiInterface, path }: InterfaceUnderCheck, binding: string): VmiProblem[] {
  if ((vmiInterface.ports?.length ?? 0) === 0) return [];
  return [bindingError(`${path}.ports`, `the ${binding} binding forwards no ports; the guest is reached directly on its network (port forwards need the passt binding)`)];
}

/** Bindings that attach to a host device need a Multus network naming it, as in KubeVirt. */
export function multusRequired({ network, path }: InterfaceUnderCheck, binding: string): VmiProblem[] {
  if (network.multus !== undefined) return [];
  return [bindingError(`${path}.${binding}`, `the ${binding} binding needs a multus network; network "${network.name}" is the pod network`)];
}
