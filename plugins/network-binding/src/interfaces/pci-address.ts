import type { DeviceAddress } from '@kvmkit/domain-xml';

/** `0000:81:01.0` (KubeVirt's pciAddress) → libvirt's `<address type='pci' …/>` parts. */
export function pciDeviceAddress(pciAddress: string): DeviceAddress {
  const match = /^([0-9a-fA-F]{4}):([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\.([0-7])$/.exec(pciAddress);
  if (match === null) throw new Error(`malformed PCI address "${pciAddress}"`);
  const [, domain = '', bus = '', slot = '', fn = ''] = match;
  return { type: 'pci', domain: `0x${domain.toLowerCase()}`, bus: `0x${bus.toLowerCase()}`, slot: `0x${slot.toLowerCase()}`, function: `0x${fn}` };
}
