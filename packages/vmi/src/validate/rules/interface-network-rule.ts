import type { VirtualMachineInstance } from '../../types.ts';
import { INTERFACES, listAt, NETWORKS, objectAt, stringAt, type JsonObject } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

const BINDINGS = ['bridge', 'masquerade', 'sriov', 'slirp', 'macvtap', 'passt', 'passtBinding', 'binding'] as const;
const NETWORK_SOURCES = ['pod', 'multus'] as const;
const INTERFACE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Interfaces and networks pair up by name, both ways; each has exactly one binding or source;
 * masquerade only on the pod network, and at most one pod network (pkg/network/admitter).
 */
export const interfaceNetworkRule: VmiRule = {
  name: 'interface-network-match',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    const problem = (path: string, reason: string): void => {
      problems.push({ path, reason, severity: 'error', rule: 'interface-network-match' });
    };
    const interfaces = listAt(vmi, ...INTERFACES);
    const networks = listAt(vmi, ...NETWORKS);
    const networkByName = new Map<string, JsonObject>();
    for (const { item } of networks) {
      const name = stringAt(item, 'name');
      if (name !== undefined && !networkByName.has(name)) networkByName.set(name, item);
    }
    const interfaceNames = new Set(interfaces.map(({ item }) => stringAt(item, 'name')));

    for (const { item: iface, path } of interfaces) {
      const name = stringAt(iface, 'name');
      if (name === undefined) continue;
      if (!INTERFACE_NAME.test(name)) problem(`${path}.name`, 'may only contain letters, digits, "-" and "_"');
      const bindings = BINDINGS.filter((binding) => iface[binding] !== undefined && iface[binding] !== null);
      if (bindings.length !== 1) {
        problem(path, bindings.length === 0 ? 'has no binding method (masquerade, bridge, …)' : `has ${bindings.length} binding methods (${bindings.join(', ')}); it needs exactly one`);
      }
      const network = networkByName.get(name);
      if (network === undefined) {
        problem(`${path}.name`, `no network named "${name}" in spec.networks`);
      } else if (bindings.includes('masquerade') && objectAt(network, 'pod') === undefined) {
        problem(`${path}.masquerade`, `masquerade only works on the pod network; network "${name}" is not one`);
      }
    }

    let podNetworks = 0;
    for (const { item: network, path } of networks) {
      const name = stringAt(network, 'name');
      const sources = NETWORK_SOURCES.filter((source) => network[source] !== undefined && network[source] !== null);
      if (sources.length !== 1) problem(path, sources.length === 0 ? 'has no network type (pod or multus)' : 'has both pod and multus; it needs exactly one');
      if (sources.includes('pod')) {
        podNetworks += 1;
        if (podNetworks === 2) problem(`${path}.pod`, 'a VMI can be on the pod network only once');
      }
      if (name !== undefined && !interfaceNames.has(name)) problem(`${path}.name`, `no interface named "${name}" in spec.domain.devices.interfaces`);
    }
    return problems;
  },
};
