import type { Interface as DomainInterface } from '@kvmkit/domain-xml';
import type { Interface, Network } from '@kvmkit/vmi';
import type { ConfigureContext } from '../configurator/v1/configurator.ts';
import type { HostOperations } from '../host/host-operations.ts';

/**
 * How one kind of VMI interface binding (`bridge`, `masquerade`, `passt`, or a third party's,
 * as KubeVirt's network binding plugins) becomes a libvirt `<interface>`.
 */
export interface NetworkBinding<Options = unknown> {
  /** The binding name: the key in the VMI interface (`masquerade: {}`) or `binding.name`. */
  readonly name: string;
  /** Fills the binding-specific parts (type, source, backend) of an interface the network plugin started. */
  configureInterface(vmiInterface: Interface, network: Network, domainInterface: DomainInterface, context: ConfigureContext<Options>): void;
  /** Host-side set-up (a NAT network, a bridge check) run before define. */
  prepare?(vmiInterface: Interface, network: Network, host: HostOperations, context: ConfigureContext<Options>): Promise<void>;
}
