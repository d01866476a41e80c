import type { Interface, Network, VirtualMachineInstance } from '@kvmkit/vmi';
import { bindingOf, type BindingReference } from './binding-name.ts';

/** One VMI interface with the network of the same name and where it sits in the VMI. */
export interface PairedInterface {
  readonly vmiInterface: Interface;
  readonly network: Network;
  readonly binding: BindingReference;
  readonly index: number;
  /** `spec.domain.devices.interfaces[<index>]`. */
  readonly path: string;
  /** `spec.networks[<index>]`. */
  readonly networkPath: string;
}

/**
 * The VMI's interfaces that have both a network and a binding, in order. Interfaces without one
 * are reported by core's `interface-network-match` rule; `state: absent` ones are being unplugged
 * (KubeVirt's hot-unplug marker) and get no device.
 */
export function pairedInterfaces(vmi: VirtualMachineInstance): PairedInterface[] {
  const networks = new Map((vmi.spec.networks ?? []).map((network, index) => [network.name, { network, index }]));
  const paired: PairedInterface[] = [];
  (vmi.spec.domain.devices.interfaces ?? []).forEach((vmiInterface, index) => {
    const found = networks.get(vmiInterface.name);
    const binding = bindingOf(vmiInterface);
    if (found === undefined || binding === undefined || vmiInterface.state === 'absent') return;
    paired.push({
      vmiInterface,
      network: found.network,
      binding,
      index,
      path: `spec.domain.devices.interfaces[${String(index)}]`,
      networkPath: `spec.networks[${String(found.index)}]`,
    });
  });
  return paired;
}

/** The key of a network in the `hostNetworks` option: its Multus `networkName`, or `pod`. */
export function hostNetworkKey(network: Network): string {
  return network.multus?.networkName ?? 'pod';
}
