import type { ConfigureContext } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

/**
 * The context the interfaces configurator hands to a binding: core's `ConfigureContext` plus the
 * whole VMI. Core's `NetworkBinding.configureInterface` gets only the interface and its network,
 * but some bindings need the VMI (SR-IOV hands out a pool's functions in interface order). Until
 * core passes the VMI itself, bindings read it with `vmiOf`.
 */
export type InterfaceConfigureContext<Options> = ConfigureContext<Options> & { readonly vmi: VirtualMachineInstance };

export function withVmi<Options>(context: ConfigureContext<Options>, vmi: VirtualMachineInstance): InterfaceConfigureContext<Options> {
  return Object.freeze({ ...context, vmi });
}

/** The VMI a binding is configuring, when it was called by this plugin's interfaces configurator. */
export function vmiOf(context: ConfigureContext): VirtualMachineInstance {
  const vmi = (context as Partial<InterfaceConfigureContext<unknown>>).vmi;
  if (vmi === undefined) throw new Error('this binding runs only inside the network-binding:interfaces configurator (it needs the whole VMI)');
  return vmi;
}
