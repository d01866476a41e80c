import type { VmiProblem } from '@kvmkit/vmi';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { natNetworkXml } from '../masquerade/nat-network-xml.ts';
import { bindingWarning } from './binding-problems.ts';
import type { CheckedNetworkBinding } from './checked-network-binding.ts';

/**
 * `masquerade`: the guest behind NAT, as KubeVirt's pod masquerade. On a plain host that is a
 * libvirt NAT network (`<interface type='network'>`), which `prepare` defines and starts when
 * missing, or with `masquerade.mode: user` QEMU's own user-mode NAT on the same subnet
 * (`<interface type='user'><ip …/>`). Neither forwards ports into the guest (libvirt's
 * `<portForward>` works only with the passt backend), so `ports` are accepted with a warning.
 */
export const masqueradeBinding: CheckedNetworkBinding<NetworkBindingOptions> = {
  name: 'masquerade',
  validateInterface({ vmiInterface, network, path, networkPath }, { options }) {
    const problems: VmiProblem[] = [];
    if ((vmiInterface.ports?.length ?? 0) > 0) {
      problems.push(bindingWarning(`${path}.ports`, `libvirt forwards no ports into a masquerade (NAT) interface (<portForward> needs the passt backend); the guest is not reachable on them from outside this host; use the passt binding for port forwards`));
    }
    const cidr = network.pod?.vmNetworkCIDR;
    if (cidr !== undefined && cidr !== options.masquerade.cidr) {
      problems.push(bindingWarning(`${networkPath}.pod.vmNetworkCIDR`, `masquerade interfaces share the host's NAT network ${options.masquerade.cidr} (plugin option masquerade.cidr); ${cidr} is not acted on`));
    }
    return problems;
  },
  configureInterface(_vmiInterface, _network, domainInterface, { options }) {
    if (options.masquerade.mode === 'user') {
      const [address = '', prefix = ''] = options.masquerade.cidr.split('/');
      domainInterface.type = 'user';
      domainInterface.ips = [{ family: 'ipv4', address, prefix: Number(prefix) }];
      return;
    }
    domainInterface.type = 'network';
    domainInterface.source = { network: options.masquerade.network };
  },
  async prepare(_vmiInterface, _network, host, { options }) {
    if (options.masquerade.mode === 'network') await host.ensureNetwork(options.masquerade.network, natNetworkXml(options));
  },
};
