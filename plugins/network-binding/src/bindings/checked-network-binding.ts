import type { ConfigureContext, NetworkBinding } from '@kvmkit/core';
import type { Interface, Network, VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';

/** An interface as a binding's admission rules see it: with its network and its field path. */
export interface InterfaceUnderCheck {
  readonly vmi: VirtualMachineInstance;
  readonly vmiInterface: Interface;
  readonly network: Network;
  /** `spec.domain.devices.interfaces[<index>]`. */
  readonly path: string;
  /** `spec.networks[<index>]`. */
  readonly networkPath: string;
}

/**
 * A core `NetworkBinding` that also states its admission rules. The interfaces configurator runs
 * `validateInterface` for every interface that uses the binding, so a binding owns the rules of
 * the fields only it gives meaning to (ports, pools, devices). Third-party bindings may implement
 * it too; plain `NetworkBinding`s are accepted without extra rules.
 */
export interface CheckedNetworkBinding<Options = unknown> extends NetworkBinding<Options> {
  validateInterface?(checked: InterfaceUnderCheck, context: ConfigureContext<Options>): VmiProblem[];
}

/** Whether a registered binding states its own admission rules. */
export function hasInterfaceRules(binding: NetworkBinding): binding is CheckedNetworkBinding & Required<Pick<CheckedNetworkBinding, 'validateInterface'>> {
  return typeof (binding as CheckedNetworkBinding).validateInterface === 'function';
}
