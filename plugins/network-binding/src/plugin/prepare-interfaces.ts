import type { ConfigureContext, HostOperations } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { pairedInterfaces } from '../interfaces/paired-interfaces.ts';
import { releaseMasqueradePorts } from '../masquerade/masquerade-port-forwards.ts';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';

/**
 * The plugin's `prepare`, run by the domain manager before define. Bindings' host set-up (the NAT
 * network, port forwards) runs in each binding's own `prepare`, which the domain manager's
 * `prepareVmi` calls once per interface; this only covers a VMI with no masquerade interface any
 * more (binding changed, interface unplugged): no binding prepare runs for it, so the forwards an
 * earlier sync made are released here. Idempotent.
 */
export async function prepareInterfaces(vmi: VirtualMachineInstance, host: HostOperations, _context: ConfigureContext<NetworkBindingOptions>): Promise<void> {
  if (pairedInterfaces(vmi).some(({ binding }) => binding.name === 'masquerade')) return;
  await releaseMasqueradePorts(vmi, host);
}

/**
 * The host-side clean-up when a VMI is deleted or migrated away (the plugin's `release`, run by
 * the domain manager): removes its masquerade port forwards and fixed addresses, by owner. The
 * shared NAT network stays, as other VMIs use it.
 */
export async function releaseInterfaces(vmi: VirtualMachineInstance, host: HostOperations, _context: ConfigureContext<NetworkBindingOptions>): Promise<void> {
  await releaseMasqueradePorts(vmi, host);
}
