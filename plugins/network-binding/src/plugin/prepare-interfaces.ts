import type { ConfigureContext, HostOperations } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { withVmi } from '../interfaces/interface-context.ts';
import { pairedInterfaces } from '../interfaces/paired-interfaces.ts';

/**
 * Runs the host-side set-up of every interface's binding (the masquerade NAT network, a third
 * party's device), once per binding and network, before define. The domain manager calls this
 * through the plugin's `prepare`; it does not call bindings' `prepare` itself.
 */
export async function prepareInterfaces(vmi: VirtualMachineInstance, host: HostOperations, context: ConfigureContext): Promise<void> {
  const bindingContext = withVmi(context, vmi);
  const done = new Set<string>();
  for (const { vmiInterface, network, binding, path } of pairedInterfaces(vmi)) {
    const key = `${binding.name}|${network.multus?.networkName ?? 'pod'}`;
    if (done.has(key)) continue;
    done.add(key);
    await context.networkBindings.require(binding.name, `${path}.${binding.field}`).prepare?.(vmiInterface, network, host, bindingContext);
  }
}
