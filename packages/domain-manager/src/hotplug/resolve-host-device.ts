import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import type { HostDeviceResources, HostDeviceSource } from './host-device-resources.ts';
import { pciSourceAddress } from './host-device-xml.ts';

const HOST_DEVICES_PATH = 'spec.domain.devices.hostDevices';

/** KubeVirt's `V1HostDevice`: the name in the VMI and the resource it asks for. */
interface VmiHostDevice {
  name: string;
  deviceName: string;
}

/** The VMI's host devices with a name and a resource; other entries are not host devices one can plug. */
function hostDevicesOf(vmi: VirtualMachineInstance): VmiHostDevice[] {
  return (vmi.spec.domain.devices.hostDevices ?? []).filter((device): device is VmiHostDevice => typeof device.name === 'string' && typeof device.deviceName === 'string');
}

/**
 * The host device behind the VMI's host device `name`: its entry in
 * `spec.domain.devices.hostDevices`, then the device its resource (`deviceName`) provides. The
 * VMI's host devices asking for one resource take that resource's devices in order, as KubeVirt
 * hands out a device plugin's allocation. Errors name the field at fault.
 */
export function resolveHostDevice(vmi: VirtualMachineInstance, name: string, resources: HostDeviceResources | undefined, vmiName: string): HostDeviceSource {
  const devices = hostDevicesOf(vmi);
  const index = devices.findIndex((device) => device.name === name);
  const device = devices[index];
  if (device === undefined) {
    const known = devices.map((entry) => `'${entry.name}'`).join(', ');
    throw domainManagerError('INVALID_REQUEST', `${HOST_DEVICES_PATH}: ${vmiName} has no host device named '${name}' (it has ${known === '' ? 'none' : known})`, { vmi: vmiName, path: HOST_DEVICES_PATH });
  }
  const path = `${HOST_DEVICES_PATH}[${index}].deviceName`;
  const pool = resources?.[device.deviceName];
  if (pool === undefined || pool.length === 0) {
    throw domainManagerError('INVALID_REQUEST', `${path}: no host device provides resource '${device.deviceName}'; list it in the manager option hostDeviceResources`, { vmi: vmiName, path });
  }
  const position = devices.slice(0, index).filter((entry) => entry.deviceName === device.deviceName).length;
  const source = pool[position];
  if (source === undefined) {
    throw domainManagerError('INVALID_REQUEST', `${path}: resource '${device.deviceName}' has ${pool.length} host device(s), fewer than the VMI's host devices asking for it`, { vmi: vmiName, path });
  }
  if (source.type === 'pci' && pciSourceAddress(source.address) === undefined) {
    throw domainManagerError('INVALID_REQUEST', `hostDeviceResources["${device.deviceName}"][${position}].address: '${source.address}' is not a PCI address like 0000:81:00.0`, { vmi: vmiName, path: `hostDeviceResources["${device.deviceName}"][${position}].address` });
  }
  return source;
}
