import type { Configurator } from '@kvmkit/core';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { interfaceBase } from './interface-base.ts';
import { interfaceProblems } from './interface-rules.ts';
import { pairedInterfaces } from './paired-interfaces.ts';

/**
 * Walks `spec.domain.devices.interfaces`, builds each `<interface>`'s common part and lets the
 * binding registered under the interface's binding name (by any plugin) fill in the rest. Core
 * hands out each binding bound to the plugin that provides it: it runs with that plugin's options
 * and gets the VMI as `context.vmi`.
 */
export const interfacesConfigurator: Configurator<NetworkBindingOptions> = {
  specificationVersion: 'v1',
  name: 'network-binding:interfaces',
  validate: interfaceProblems,
  configure(vmi, domain, context) {
    for (const paired of pairedInterfaces(vmi)) {
      const binding = context.networkBindings.require(paired.binding.name, `${paired.path}.${paired.binding.field}`);
      const domainInterface = interfaceBase(vmi, paired, context);
      binding.configureInterface(paired.vmiInterface, paired.network, domainInterface);
      if (domainInterface.type === '') throw new Error(`${paired.path}: network binding '${paired.binding.name}' set no interface type`);
      const devices = (domain.devices ??= {});
      (devices.interfaces ??= []).push(domainInterface);
    }
  },
};
