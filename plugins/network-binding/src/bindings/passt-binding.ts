import type { PortForward } from '@kvmkit/domain-xml';
import type { Interface, VmiProblem } from '@kvmkit/vmi';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { bindingError } from './binding-problems.ts';
import type { CheckedNetworkBinding } from './checked-network-binding.ts';

/** KubeVirt's port protocols (TCP when absent) as libvirt's `proto`. */
function protocolOf(port: { protocol?: string }): 'tcp' | 'udp' {
  return port.protocol?.toUpperCase() === 'UDP' ? 'udp' : 'tcp';
}

/**
 * The interface's ports as passt forwards: one `<portForward>` per protocol with a `<range>` per
 * port, the same port on the host and in the guest. Without ports, passt forwards nothing inward.
 */
export function portForwardsOf(vmiInterface: Interface): PortForward[] {
  const forwards: PortForward[] = [];
  for (const proto of ['tcp', 'udp'] as const) {
    const ports = (vmiInterface.ports ?? []).filter((port) => protocolOf(port) === proto).map((port) => port.port);
    if (ports.length > 0) forwards.push({ proto, ranges: ports.map((start) => ({ start })) });
  }
  return forwards;
}

/**
 * `passt`: user-mode networking through passt (`<interface type='user'><backend type='passt'/>`,
 * libvirt ≥ 9.0, the `passt` package on the host). The guest gets the host's address by DHCP and
 * reaches out through the host's sockets; `ports` become `<portForward>` ranges from the host.
 */
export const passtBinding: CheckedNetworkBinding<NetworkBindingOptions> = {
  name: 'passt',
  validateInterface({ vmiInterface, path }) {
    const problems: VmiProblem[] = [];
    const seen = new Map<string, number>();
    (vmiInterface.ports ?? []).forEach((port, index) => {
      const key = `${protocolOf(port)}/${String(port.port)}`;
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, index);
      else problems.push(bindingError(`${path}.ports[${String(index)}]`, `${key} is already forwarded by ${path}.ports[${String(earlier)}]`));
    });
    return problems;
  },
  configureInterface(vmiInterface, _network, domainInterface) {
    domainInterface.type = 'user';
    domainInterface.backend = { type: 'passt' };
    const forwards = portForwardsOf(vmiInterface);
    if (forwards.length > 0) domainInterface.portForwards = forwards;
  },
};
