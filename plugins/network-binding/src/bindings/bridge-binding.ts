import type { Network } from '@kvmkit/vmi';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { bindingError, portsRefused } from './binding-problems.ts';
import type { CheckedNetworkBinding } from './checked-network-binding.ts';
import { hostNetworkOf } from './host-network.ts';

/** Linux limits interface names to 15 characters (IFNAMSIZ - 1). */
const INTERFACE_NAME_MAX = 15;

/**
 * The Linux bridge a network attaches to: `hostNetworks[…].bridge`, else the Multus network's
 * name (its part after `namespace/`). The pod network has no bridge on a plain host unless one is
 * configured.
 */
export function bridgeNameOf(network: Network, options: NetworkBindingOptions): string | undefined {
  const configured = hostNetworkOf(network, options).bridge;
  if (configured !== undefined) return configured;
  const networkName = network.multus?.networkName;
  return networkName === undefined ? undefined : (networkName.split('/').pop() ?? networkName);
}

/** `bridge`: a tap on an existing host bridge (`<interface type='bridge'><source bridge/>`). */
export const bridgeBinding: CheckedNetworkBinding<NetworkBindingOptions> = {
  name: 'bridge',
  validateInterface(checked, { options }) {
    const bridge = bridgeNameOf(checked.network, options);
    const problems = portsRefused(checked, 'bridge');
    if (bridge === undefined) {
      problems.push(bindingError(`${checked.path}.bridge`, `network "${checked.network.name}" is the pod network, which has no host bridge; set the plugin option hostNetworks.pod.bridge`));
    } else if (bridge.length > INTERFACE_NAME_MAX) {
      problems.push(bindingError(`${checked.path}.bridge`, `bridge name "${bridge}" is longer than Linux's ${String(INTERFACE_NAME_MAX)} characters; set hostNetworks["${checked.network.multus?.networkName ?? 'pod'}"].bridge`));
    }
    return problems;
  },
  configureInterface(_vmiInterface, network, domainInterface, { options }) {
    const bridge = bridgeNameOf(network, options);
    if (bridge === undefined) throw new Error(`network "${network.name}" has no host bridge`);
    domainInterface.type = 'bridge';
    domainInterface.source = { bridge };
  },
};
