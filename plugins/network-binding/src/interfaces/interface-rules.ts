import type { ConfigureContext } from '@kvmkit/core';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import { bindingError, bindingWarning } from '../bindings/binding-problems.ts';
import { hasInterfaceRules } from '../bindings/checked-network-binding.ts';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { derivedMacAddress, normalizedMacAddress } from './mac-address.ts';
import { hostNetworkKey, pairedInterfaces } from './paired-interfaces.ts';

/**
 * The rules of the fields this plugin owns: every interface's binding must be registered (slirp
 * is gone from KubeVirt), each binding's own rules, no two interfaces on one host network with
 * the same MAC (they would clash on that L2 segment), and a warning for DHCP options, which no
 * binding here can hand to one guest. MAC syntax, interface↔network pairing and PCI addresses
 * are core's rules.
 */
export function interfaceProblems(vmi: VirtualMachineInstance, context: ConfigureContext<NetworkBindingOptions>): VmiProblem[] {
  const problems: VmiProblem[] = [];
  const macOnSegment = new Map<string, string>();
  for (const paired of pairedInterfaces(vmi)) {
    const { vmiInterface, network, binding, path, networkPath } = paired;
    const registered = context.networkBindings.get(binding.name);
    if (registered === undefined) {
      const known = context.networkBindings.keys().join(', ') || 'none';
      const reason = binding.name === 'slirp'
        ? 'slirp was removed from KubeVirt and is not offered; use passt (user-mode networking with port forwards)'
        : `no registered plugin provides network binding '${binding.name}' (registered: ${known})`;
      problems.push(bindingError(`${path}.${binding.field}`, reason));
    } else if (hasInterfaceRules(registered)) {
      problems.push(...registered.validateInterface({ vmi, vmiInterface, network, path, networkPath }, context));
    }
    if (vmiInterface.dhcpOptions !== undefined) {
      problems.push(bindingWarning(`${path}.dhcpOptions`, 'not acted on: libvirt\'s DHCP servers (a network\'s dnsmasq, passt) take no per-interface options'));
    }
    const given = vmiInterface.macAddress;
    const mac = given === undefined || given === '' ? derivedMacAddress(vmi, vmiInterface.name, context.options.macPrefix) : normalizedMacAddress(given);
    const segment = `${hostNetworkKey(network)}|${mac}`;
    const earlier = macOnSegment.get(segment);
    if (earlier === undefined) macOnSegment.set(segment, path);
    else problems.push(bindingError(`${path}.macAddress`, `MAC ${mac} is also used by ${earlier} on the same host network "${hostNetworkKey(network)}"`));
  }
  return problems;
}
