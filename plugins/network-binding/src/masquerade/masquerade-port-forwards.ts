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

/** A guest port's key in the plugin option `masquerade.hostPorts`: `<namespace>/<name>:<port>`. */
export function hostPortsKey(vmi: VirtualMachineInstance, guestPort: number): string {
  return `${vmiOwner(vmi)}:${String(guestPort)}`;
}

/** The host port for a guest port: `masquerade.hostPorts[hostPortsKey]`, else the same port. */
export function hostPortOf(vmi: VirtualMachineInstance, guestPort: number, options: NetworkBindingOptions): number {
  return options.masquerade.hostPorts[hostPortsKey(vmi, guestPort)] ?? guestPort;
}

/** Host ports below this belong to the host's own services (ssh 22, https 443, …). */
const FIRST_UNPRIVILEGED_PORT = 1024;

/**
 * Whether a guest port is forwarded: ports from 1024 up on their own number, lower ones only when
 * `masquerade.hostPorts` maps them (DNAT on every host address would take the host's own service).
 */
export function isForwarded(vmi: VirtualMachineInstance, guestPort: number, options: NetworkBindingOptions): boolean {
  return guestPort >= FIRST_UNPRIVILEGED_PORT || options.masquerade.hostPorts[hostPortsKey(vmi, guestPort)] !== undefined;
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
    .map(({ vmiInterface, path, binding }) => ({ vmiInterface, path, binding, ports: (vmiInterface.ports ?? []).filter((port) => isForwarded(vmi, port.port, options)) }))
    .filter(({ binding, ports }) => binding.name === 'masquerade' && ports.length > 0)
    .map(({ vmiInterface, path, ports }) => ({
      path,
      vmiInterface,
      request: {
        owner: vmiOwner(vmi),
        network: options.masquerade.network,
        mac: interfaceMacAddress(vmi, vmiInterface, options.macPrefix),
        ports: ports.map((port) => ({ protocol: forwardProtocolOf(port), hostPort: hostPortOf(vmi, port.port, options), guestPort: port.port })),
      },
    }));
}

/**
 * Makes the host forward exactly the ports the VMI's masquerade interfaces want (run after the NAT
 * network exists). When they want none (no ports any more, mode `user`), the VMI's earlier
 * forwards are released, so a sync after ports were removed frees their host ports. A host
 * failure is rethrown naming the interface's `ports` field, the host's error as `cause`.
 */
export async function forwardMasqueradePorts(vmi: VirtualMachineInstance, host: HostOperations, options: NetworkBindingOptions): Promise<void> {
  const forwards = masqueradePortForwards(vmi, options);
  if (forwards.length === 0) {
    await releaseMasqueradePorts(vmi, host);
    return;
  }
  for (const { path, request } of forwards) {
    if (host.forwardPorts === undefined) throw new Error(`${path}.ports: these host operations cannot forward ports (HostOperations.forwardPorts is missing)`);
    try {
      await host.forwardPorts(request);
    } catch (error) {
      throw new Error(`${path}.ports: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}

/**
 * Removes every forward and fixed address the VMI holds, by its owner name alone: whatever its
 * ports, MAC, binding or the plugin's options were when they were made. For a VMI being deleted,
 * or one that wants no forwards any more. Hosts without `releasePorts` never had forwards.
 */
export async function releaseMasqueradePorts(vmi: VirtualMachineInstance, host: HostOperations): Promise<void> {
  await host.releasePorts?.({ owner: vmiOwner(vmi) });
}
