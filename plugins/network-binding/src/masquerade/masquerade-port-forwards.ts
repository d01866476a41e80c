import type { ForwardedPort, HostOperations, PortForwardRequest } from '@kvmkit/core';
import type { Interface, VirtualMachineInstance } from '@kvmkit/vmi';
import { interfaceMacAddress } from '../interfaces/mac-address.ts';
import { pairedInterfaces } from '../interfaces/paired-interfaces.ts';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';

/** The VMI as a port forward's owner: `namespace/name`, as kvmkit names VMIs everywhere. */
export function vmiOwner(vmi: VirtualMachineInstance): string {
  return `${vmi.metadata?.namespace ?? 'default'}/${vmi.metadata?.name ?? ''}`;
}

/** A port's protocol as the host's firewall spells it (KubeVirt's default is TCP). */
export function forwardProtocolOf(port: { protocol?: string }): ForwardedPort['protocol'] {
  const protocol = port.protocol?.toLowerCase();
  return protocol === 'udp' || protocol === 'sctp' ? protocol : 'tcp';
}

/** The host port for a guest port: `masquerade.hostPorts['<namespace>/<name>:<port>']`, else the same port. */
export function hostPortOf(vmi: VirtualMachineInstance, guestPort: number, options: NetworkBindingOptions): number {
  return options.masquerade.hostPorts[`${vmiOwner(vmi)}:${String(guestPort)}`] ?? guestPort;
}

/** One masquerade interface with ports, and the forward request that reaches them. */
export interface MasqueradePortForward {
  /** `spec.domain.devices.interfaces[<index>]`. */
  path: string;
  vmiInterface: Interface;
  request: PortForwardRequest;
}

/**
 * Every masquerade interface of the VMI that has `ports`, as a request to forward them from the
 * host (mode `network` only: QEMU's user-mode NAT has no way in from the host).
 */
export function masqueradePortForwards(vmi: VirtualMachineInstance, options: NetworkBindingOptions): MasqueradePortForward[] {
  if (options.masquerade.mode !== 'network') return [];
  return pairedInterfaces(vmi)
    .filter(({ binding, vmiInterface }) => binding.name === 'masquerade' && (vmiInterface.ports?.length ?? 0) > 0)
    .map(({ vmiInterface, path }) => ({
      path,
      vmiInterface,
      request: {
        owner: vmiOwner(vmi),
        network: options.masquerade.network,
        mac: interfaceMacAddress(vmi, vmiInterface, options.macPrefix),
        ports: (vmiInterface.ports ?? []).map((port) => ({ protocol: forwardProtocolOf(port), hostPort: hostPortOf(vmi, port.port, options), guestPort: port.port })),
      },
    }));
}

/** Forwards the masquerade interfaces' ports through the host; run after the NAT network exists. */
export async function forwardMasqueradePorts(vmi: VirtualMachineInstance, host: HostOperations, options: NetworkBindingOptions): Promise<void> {
  for (const { path, request } of masqueradePortForwards(vmi, options)) {
    if (host.forwardPorts === undefined) throw new Error(`${path}.ports: these host operations cannot forward ports (HostOperations.forwardPorts is missing)`);
    await host.forwardPorts(request);
  }
}

/**
 * Removes the forwards and fixed addresses `forwardMasqueradePorts` set up, for a VMI being
 * deleted. Hosts without `releasePorts` never had forwards to remove.
 */
export async function releaseMasqueradePorts(vmi: VirtualMachineInstance, host: HostOperations, options: NetworkBindingOptions): Promise<void> {
  if (host.releasePorts === undefined) return;
  for (const { request } of masqueradePortForwards(vmi, options)) {
    await host.releasePorts({ owner: request.owner, network: request.network, mac: request.mac });
  }
}
