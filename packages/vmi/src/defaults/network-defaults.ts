import type { Devices, VirtualMachineInstanceSpec } from '../types.ts';

/**
 * A VMI that names no network and no interface gets one interface `default` on the pod network
 * (vmispec.SetDefaultNetworkInterface), unless `autoattachPodInterface: false`.
 */
export function defaultPodNetwork(
  spec: VirtualMachineInstanceSpec,
  devices: Devices,
  binding: 'masquerade' | 'bridge',
): void {
  if (devices.autoattachPodInterface === false) return;
  if ((spec.networks?.length ?? 0) > 0 || (devices.interfaces?.length ?? 0) > 0) return;
  devices.interfaces = [binding === 'bridge' ? { name: 'default', bridge: {} } : { name: 'default', masquerade: {} }];
  spec.networks = [{ name: 'default', pod: {} }];
}
