import type { Interface as DomainInterface } from '@kvmkit/domain-xml';
import type { Interface, Network } from '@kvmkit/vmi';
import type { HostOperations } from '../host/host-operations.ts';
import type { ExtensionContext } from './extension-context.ts';

/**
 * How one kind of VMI interface binding (`bridge`, `masquerade`, `passt`, or a third party's,
 * as KubeVirt's network binding plugins) becomes a libvirt `<interface>`.
 *
 * Another plugin's configurator calls it (the network plugin's interfaces configurator), but
 * its methods always run with the context of the plugin that provides it: that plugin's
 * `options` and name, warnings attributed to it, and the VMI as `context.vmi`.
 *
 * @example
 * ```ts
 * networkBindings: [{
 *   name: 'vhost-user',
 *   configureInterface(vmiInterface, _network, domainInterface, { options, vmi }) {
 *     domainInterface.type = 'vhostuser';
 *     domainInterface.source = { type: 'unix', path: `${options.socketDirectory}/${vmi.metadata?.name ?? ''}-${vmiInterface.name}.sock`, mode: 'server' };
 *   },
 * }],
 * ```
 */
export interface NetworkBinding<Options = unknown> {
  /** The binding name: the key in the VMI interface (`masquerade: {}`) or `binding.name`. */
  readonly name: string;
  /** Fills the binding-specific parts (type, source, backend) of an interface the network plugin started. */
  configureInterface(vmiInterface: Interface, network: Network, domainInterface: DomainInterface, context: ExtensionContext<Options>): void;
  /** Host-side set-up (a NAT network, a bridge check) run before define. */
  prepare?(vmiInterface: Interface, network: Network, host: HostOperations, context: ExtensionContext<Options>): Promise<void>;
}

/**
 * A network binding as `context.networkBindings` hands it out: already bound to the plugin that
 * provides it and to the VMI, so callers pass no context. A context given as the last argument
 * (as callers did before bindings were bound) is accepted and ignored: the binding runs with its
 * provider's. Members beyond the core contract (a binding's own rules) are reachable unchanged.
 */
export interface BoundNetworkBinding {
  readonly name: string;
  configureInterface(vmiInterface: Interface, network: Network, domainInterface: DomainInterface, ignoredContext?: unknown): void;
  prepare?(vmiInterface: Interface, network: Network, host: HostOperations, ignoredContext?: unknown): Promise<void>;
}
