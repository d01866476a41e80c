import type { ConfigureContext, HostOperations } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { pairedInterfaces } from '../interfaces/paired-interfaces.ts';
import { forwardMasqueradePorts, releaseMasqueradePorts } from '../masquerade/masquerade-port-forwards.ts';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';

/**
 * Runs the host-side set-up of every interface's binding (the masquerade NAT network, a third
 * party's device), once per binding and network, before define; then forwards masquerade
 * interfaces' ports into the guest, which needs the NAT network to exist first. Each binding runs
 * with its providing plugin's context (core binds it). The domain manager calls this through the
 * plugin's `prepare`. Idempotent.
 */
export async function prepareInterfaces(vmi: VirtualMachineInstance, host: HostOperations, context: ConfigureContext<NetworkBindingOptions>): Promise<void> {
  const done = new Set<string>();
  for (const { vmiInterface, network, binding, path } of pairedInterfaces(vmi)) {
    const key = `${binding.name}|${network.multus?.networkName ?? 'pod'}`;
    if (done.has(key)) continue;
    done.add(key);
    await context.networkBindings.require(binding.name, `${path}.${binding.field}`).prepare?.(vmiInterface, network, host);
  }
  await forwardMasqueradePorts(vmi, host, context.options);
}

/**
 * The host-side clean-up when a VMI is deleted (the plugin's `release`, run by the domain
 * manager's delete): removes its masquerade port forwards and fixed address. The shared NAT
 * network stays, as other VMIs use it.
 */
export async function releaseInterfaces(vmi: VirtualMachineInstance, host: HostOperations, context: ConfigureContext<NetworkBindingOptions>): Promise<void> {
  await releaseMasqueradePorts(vmi, host, context.options);
}
