import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { bindingError, multusRequired, portsRefused } from './binding-problems.ts';
import type { CheckedNetworkBinding } from './checked-network-binding.ts';
import { hostNetworkOf } from './host-network.ts';

/** `macvtap`: a macvtap on a host device (`<interface type='direct'><source dev mode/>`). */
export const macvtapBinding: CheckedNetworkBinding<NetworkBindingOptions> = {
  name: 'macvtap',
  validateInterface(checked, { options }) {
    const problems = [...portsRefused(checked, 'macvtap'), ...multusRequired(checked, 'macvtap')];
    const { network, path } = checked;
    if (network.multus !== undefined && hostNetworkOf(network, options).macvtap === undefined) {
      problems.push(bindingError(`${path}.macvtap`, `network "${network.name}" names no host device; set the plugin option hostNetworks["${network.multus.networkName}"].macvtap.device`));
    }
    return problems;
  },
  configureInterface(_vmiInterface, network, domainInterface, { options }) {
    const macvtap = hostNetworkOf(network, options).macvtap;
    if (macvtap === undefined) throw new Error(`network "${network.name}" names no macvtap host device`);
    domainInterface.type = 'direct';
    domainInterface.source = { dev: macvtap.device, mode: macvtap.mode };
  },
};
