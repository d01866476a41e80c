/**
 * Injection tokens for the composition root (tsyringe or any container keyed by symbols).
 * Libraries export tokens and classes; only apps register things. `Symbol.for` keeps a token
 * equal across duplicate copies of core. The type each token stands for is in its doc.
 */

/** `Converter`: turns VMIs into domains with the registered plugins. */
export const CONVERTER_TOKEN: unique symbol = Symbol.for('kvmkit/core:Converter');
/** `PluginRegistry`: the plugins the agent is assembled from. */
export const PLUGIN_REGISTRY_TOKEN: unique symbol = Symbol.for('kvmkit/core:PluginRegistry');
/** `() => Promise<ConverterContext>`: builds the converter context for this host. */
export const CONTEXT_PROVIDER_TOKEN: unique symbol = Symbol.for('kvmkit/core:ContextProvider');
/** `DomainManager`: drives the domains. */
export const DOMAIN_MANAGER_TOKEN: unique symbol = Symbol.for('kvmkit/core:DomainManager');
/** The libvirt connection the manager uses (a `@kvmkit/libvirt-rpc` connection). */
export const LIBVIRT_CONNECTION_TOKEN: unique symbol = Symbol.for('kvmkit/core:LibvirtConnection');
/** `HostOperations`: what plugins' prepare steps may do on the host. */
export const HOST_OPERATIONS_TOKEN: unique symbol = Symbol.for('kvmkit/core:HostOperations');
