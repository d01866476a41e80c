import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { bridgeBinding } from '../bindings/bridge-binding.ts';
import { macvtapBinding } from '../bindings/macvtap-binding.ts';
import { masqueradeBinding } from '../bindings/masquerade-binding.ts';
import { passtBinding } from '../bindings/passt-binding.ts';
import { sriovBinding } from '../bindings/sriov-binding.ts';
import { interfacesConfigurator } from '../interfaces/interfaces-configurator.ts';
import { networkBindingOptionsSchema, type NetworkBindingOptions } from '../options/network-binding-options.ts';
import { prepareInterfaces, releaseInterfaces } from './prepare-interfaces.ts';

/** The plugin's name: the key of its options and the namespace of its configurators. */
export const NETWORK_BINDING_PLUGIN = 'network-binding';

/**
 * VMI interfaces as libvirt `<interface>` elements, with the bridge, masquerade, passt, SR-IOV
 * and macvtap bindings. Other plugins add bindings by name through core's `networkBindings`.
 */
export const networkBindingPlugin: PluginManifest<NetworkBindingOptions> = definePlugin<NetworkBindingOptions>({
  specificationVersion: 'v1',
  name: NETWORK_BINDING_PLUGIN,
  version: '0.1.0',
  core: '^0.1.0',
  optionsSchema: networkBindingOptionsSchema,
  configurators: [interfacesConfigurator],
  networkBindings: [bridgeBinding, masqueradeBinding, passtBinding, sriovBinding, macvtapBinding],
  prepare: prepareInterfaces,
  release: releaseInterfaces,
});
