import type { VirtualMachineInstance } from '@kvmkit/vmi';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { hostNetworkKey, pairedInterfaces } from '../interfaces/paired-interfaces.ts';
import { pciDeviceAddress } from '../interfaces/pci-address.ts';
import { bindingError, bindingWarning, multusRequired, portsRefused } from './binding-problems.ts';
import type { CheckedNetworkBinding } from './checked-network-binding.ts';
import { hostNetworkOf } from './host-network.ts';

/**
 * The virtual function each SR-IOV interface of the VMI takes: per pool (the network's
 * `sriovFunctions`), the VMI's SR-IOV interfaces on it in order take its functions in order.
 * Sharing a pool between VMIs is the host's business (the domain manager must not start two
 * VMIs on one function); the conversion itself stays pure.
 */
export function assignedFunction(vmi: VirtualMachineInstance, interfaceName: string, options: NetworkBindingOptions): string | undefined {
  const sriov = pairedInterfaces(vmi).filter(({ binding }) => binding.name === 'sriov');
  const own = sriov.find(({ vmiInterface }) => vmiInterface.name === interfaceName);
  if (own === undefined) return undefined;
  const key = hostNetworkKey(own.network);
  const position = sriov.filter(({ network }) => hostNetworkKey(network) === key).indexOf(own);
  return hostNetworkOf(own.network, options).sriovFunctions?.[position];
}

/** `sriov`: a virtual function passed through with VFIO (`<interface type='hostdev' managed='yes'>`). */
export const sriovBinding: CheckedNetworkBinding<NetworkBindingOptions> = {
  name: 'sriov',
  validateInterface(checked, { options }) {
    const { vmi, vmiInterface, network, path } = checked;
    const problems = [...portsRefused(checked, 'sriov'), ...multusRequired(checked, 'sriov')];
    if (network.multus === undefined) return problems;
    const pool = hostNetworkOf(network, options).sriovFunctions ?? [];
    if (pool.length === 0) {
      problems.push(bindingError(`${path}.sriov`, `network "${network.name}" has no SR-IOV pool; list its virtual functions in the plugin option hostNetworks["${network.multus.networkName}"].sriovFunctions`));
    } else if (assignedFunction(vmi, vmiInterface.name, options) === undefined) {
      problems.push(bindingError(`${path}.sriov`, `the SR-IOV pool of network "${network.multus.networkName}" has ${String(pool.length)} virtual function(s), fewer than the VMI's SR-IOV interfaces on it`));
    }
    if (vmiInterface.state === 'down') {
      problems.push(bindingError(`${path}.state`, 'the link of a passed-through virtual function cannot be set down by the hypervisor'));
    }
    if (hostNetworkOf(network, options).mtu !== undefined) {
      problems.push(bindingWarning(`${path}.sriov`, `the MTU of a virtual function is set on the host's physical function, not by kvmkit; hostNetworks["${network.multus.networkName}"].mtu is not acted on`));
    }
    return problems;
  },
  configureInterface(vmiInterface, _network, domainInterface, context) {
    const function_ = assignedFunction(context.vmi, vmiInterface.name, context.options);
    if (function_ === undefined) throw new Error(`interface "${vmiInterface.name}" has no virtual function`);
    domainInterface.type = 'hostdev';
    domainInterface.managed = true;
    domainInterface.source = { hostAddress: pciDeviceAddress(function_) };
    // A VF has no emulated model, no virtio queues, no tap MTU and no iPXE ROM to turn off.
    delete domainInterface.model;
    delete domainInterface.driver;
    delete domainInterface.mtu;
    delete domainInterface.rom;
  },
};
