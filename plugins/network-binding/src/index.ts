/**
 * @kvmkit/plugin-network-binding — VMI interfaces (`spec.domain.devices.interfaces` with
 * `spec.networks`) as libvirt `<interface>` elements on a plain KVM host, and the built-in
 * bindings: bridge, masquerade (a libvirt NAT network), passt, SR-IOV and macvtap.
 */
export { networkBindingPlugin, NETWORK_BINDING_PLUGIN } from './plugin/network-binding-plugin.ts';
export { prepareInterfaces, releaseInterfaces } from './plugin/prepare-interfaces.ts';
export { interfacesConfigurator } from './interfaces/interfaces-configurator.ts';
export { networkBindingOptionsSchema, type HostNetworkOptions, type NetworkBindingOptions } from './options/network-binding-options.ts';
export { bridgeBinding } from './bindings/bridge-binding.ts';
export { masqueradeBinding } from './bindings/masquerade-binding.ts';
export { passtBinding, portForwardsOf } from './bindings/passt-binding.ts';
export { sriovBinding } from './bindings/sriov-binding.ts';
export { macvtapBinding } from './bindings/macvtap-binding.ts';
export type { CheckedNetworkBinding, InterfaceUnderCheck } from './bindings/checked-network-binding.ts';
export { derivedMacAddress } from './interfaces/mac-address.ts';
export { natNetworkXml } from './masquerade/nat-network-xml.ts';
export { forwardMasqueradePorts, releaseMasqueradePorts, masqueradePortForwards, type MasqueradePortForward } from './masquerade/masquerade-port-forwards.ts';
