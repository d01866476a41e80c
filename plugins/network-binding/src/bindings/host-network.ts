import type { Network } from '@kvmkit/vmi';
import type { HostNetworkOptions, NetworkBindingOptions } from '../options/network-binding-options.ts';
import { hostNetworkKey } from '../interfaces/paired-interfaces.ts';

/** The host side configured for a VMI network (`hostNetworks[networkName]`), empty when none is. */
export function hostNetworkOf(network: Network, options: NetworkBindingOptions): HostNetworkOptions {
  return options.hostNetworks[hostNetworkKey(network)] ?? {};
}
