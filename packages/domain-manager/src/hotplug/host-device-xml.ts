import type { DeviceAddress, Hostdev } from '@kvmkit/domain-xml';
import type { HostDeviceSource } from './host-device-resources.ts';

/**
 * The user alias of a VMI host device, as KubeVirt's virt-launcher names generic host devices
 * (`ua-hostdevice-<name>`): the prefix keeps it apart from disk and interface aliases of the
 * same name, and `ua-` makes libvirt keep it in the persistent definition too.
 */
export function hostDeviceAlias(name: string): string {
  return `ua-hostdevice-${name}`;
}

/** `0000:81:00.0` → libvirt's `<address domain bus slot function/>`, or undefined when malformed. */
export function pciSourceAddress(address: string): DeviceAddress | undefined {
  const match = /^([0-9a-fA-F]{4}):([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\.([0-7])$/.exec(address);
  if (match === null) return undefined;
  const [, domain = '', bus = '', slot = '', fn = ''] = match;
  return { domain: `0x${domain}`, bus: `0x${bus}`, slot: `0x${slot}`, function: `0x${fn}` };
}

/** The `<hostdev>` that passes `source` through to the guest under the VMI host device's alias. */
export function hostdevFor(name: string, source: HostDeviceSource): Hostdev {
  const alias = { name: hostDeviceAlias(name) };
  if (source.type === 'usb') {
    return { mode: 'subsystem', type: 'usb', source: { vendor: { id: source.vendor }, product: { id: source.product } }, alias };
  }
  const address = pciSourceAddress(source.address);
  if (address === undefined) throw new Error(`malformed PCI address "${source.address}"`);
  return { mode: 'subsystem', type: 'pci', managed: source.managed ?? true, driver: { name: 'vfio' }, source: { address }, alias };
}
