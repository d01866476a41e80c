import type { ConfigureContext } from '@kvmkit/core';
import type { Interface as DomainInterface } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { hostNetworkOf } from '../bindings/host-network.ts';
import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { interfaceMacAddress } from './mac-address.ts';
import { networkQueues } from './network-queues.ts';
import type { PairedInterface } from './paired-interfaces.ts';
import { pciDeviceAddress } from './pci-address.ts';

/**
 * The binding-independent part of an `<interface>`: MAC, model, queues, MTU, link state, boot
 * order (or no iPXE ROM when the NIC is not a boot device, as KubeVirt does), ACPI index, guest
 * PCI address and the `ua-<name>` alias hotplug calls use. The binding then sets `type`,
 * `source` and `backend`, and may drop parts that do not apply to it.
 */
export function interfaceBase(vmi: VirtualMachineInstance, { vmiInterface, network }: PairedInterface, context: ConfigureContext<NetworkBindingOptions>): DomainInterface {
  const { options } = context;
  const model = vmiInterface.model ?? 'virtio';
  const mac = interfaceMacAddress(vmi, vmiInterface, options.macPrefix);
  const domainInterface: DomainInterface = { type: '', mac: { address: mac } };
  if (vmiInterface.sriov === undefined) domainInterface.model = { type: model === 'virtio' ? context.virtioModel : model };
  const queues = model === 'virtio' ? networkQueues(vmi, options.maxQueues) : undefined;
  if (queues !== undefined) domainInterface.driver = { queues };
  const mtu = hostNetworkOf(network, options).mtu;
  if (mtu !== undefined) domainInterface.mtu = { size: mtu };
  if (vmiInterface.state === 'down') domainInterface.link = { state: 'down' };
  if (vmiInterface.bootOrder !== undefined) domainInterface.boot = { order: vmiInterface.bootOrder };
  else domainInterface.rom = { enabled: false };
  if (vmiInterface.acpiIndex !== undefined) domainInterface.acpi = { index: vmiInterface.acpiIndex };
  domainInterface.alias = { name: `ua-${vmiInterface.name}` };
  if (vmiInterface.pciAddress !== undefined) domainInterface.address = pciDeviceAddress(vmiInterface.pciAddress);
  return domainInterface;
}
