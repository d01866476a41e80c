import type { Interface, VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { natNetworkXml } from '../masquerade/nat-network-xml.ts';
import { forwardMasqueradePorts, forwardProtocolOf, hostPortOf, hostPortsKey, isForwarded } from '../masquerade/masquerade-port-forwards.ts';
import { bindingError, bindingWarning } from './binding-problems.ts';
import type { CheckedNetworkBinding } from './checked-network-binding.ts';

/** Two ports that would take the same host port and protocol: the second could never be forwarded. */
function hostPortClashes(vmi: VirtualMachineInstance, ports: NonNullable<Interface['ports']>, path: string, options: NetworkBindingOptions): VmiProblem[] {
  const problems: VmiProblem[] = [];
  const seen = new Map<string, number>();
  ports.forEach((port, index) => {
    if (!isForwarded(vmi, port.port, options)) return;
    const key = `${String(hostPortOf(vmi, port.port, options))}/${forwardProtocolOf(port)}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, index);
    else problems.push(bindingError(`${path}.ports[${String(index)}]`, `host port ${key} is already forwarded for ${path}.ports[${String(earlier)}]`));
  });
  return problems;
}

/**
 * A port below 1024 forwarded on its own number: DNAT on every host address would take that port
 * from the host's own service (ssh, https, …), so it is not forwarded unless `masquerade.hostPorts`
 * maps it. A warning, not an error: KubeVirt's own examples ask for port 80, and the VMI is fine.
 */
function privilegedHostPorts(vmi: VirtualMachineInstance, ports: NonNullable<Interface['ports']>, path: string, options: NetworkBindingOptions): VmiProblem[] {
  return ports.flatMap((port, index) => {
    if (isForwarded(vmi, port.port, options)) return [];
    const key = hostPortsKey(vmi, port.port);
    return [bindingWarning(`${path}.ports[${String(index)}].port`, `port ${String(port.port)} is not forwarded from the host: a host port below 1024 would take the host's own service on every host address; map it with plugin option masquerade.hostPorts["${key}"] (e.g. ${String(port.port + 8000)})`)];
  });
}

/**
 * `masquerade`: the guest behind NAT, as KubeVirt's pod masquerade. On a plain host that is a
 * libvirt NAT network (`<interface type='network'>`), which `prepare` defines and starts when
 * missing, or with `masquerade.mode: user` QEMU's own user-mode NAT on the same subnet
 * (`<interface type='user'><ip …/>`). In mode `network`, `ports` are forwarded from the host into
 * the guest (a fixed DHCP address, then DNAT: see `forwardMasqueradePorts`), ports below 1024
 * only when mapped explicitly to a host port; in mode `user` nothing reaches the guest, so they only bring
 * a warning.
 */
export const masqueradeBinding: CheckedNetworkBinding<NetworkBindingOptions> = {
  name: 'masquerade',
  validateInterface({ vmi, vmiInterface, network, path, networkPath }, { options }) {
    const problems: VmiProblem[] = [];
    if ((vmiInterface.ports?.length ?? 0) > 0 && options.masquerade.mode === 'user') {
      problems.push(bindingWarning(`${path}.ports`, `QEMU's user-mode NAT (plugin option masquerade.mode: user) forwards no ports into the guest; use mode network (the default) or the passt binding for port forwards`));
    }
    if (options.masquerade.mode === 'network') {
      problems.push(...privilegedHostPorts(vmi, vmiInterface.ports ?? [], path, options), ...hostPortClashes(vmi, vmiInterface.ports ?? [], path, options));
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
  // Run by the domain manager's prepareVmi, once per masquerade interface: the NAT network first,
  // then the ports (forwarded, or the VMI's earlier forwards released when none are wanted).
  async prepare(_vmiInterface, _network, host, { options, vmi }) {
    if (options.masquerade.mode === 'network') await host.ensureNetwork(options.masquerade.network, natNetworkXml(options));
    await forwardMasqueradePorts(vmi, host, options);
  },
};
