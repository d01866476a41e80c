/** A host PCI device, by its address (`0000:81:00.0`, KubeVirt's `PCI_RESOURCE_*` form). */
export interface PciHostDevice {
  type: 'pci';
  address: string;
  /** libvirt detaches it from its host driver and binds it to vfio-pci (default true); false when it is bound already. */
  managed?: boolean;
}

/** A host USB device, by vendor and product ID (`0x046d`, as KubeVirt's USB selectors name them). */
export interface UsbHostDevice {
  type: 'usb';
  vendor: string;
  product: string;
}

export type HostDeviceSource = PciHostDevice | UsbHostDevice;

/**
 * The host devices behind each resource name a VMI's `hostDevices[].deviceName` may ask for:
 * what KubeVirt's device plugins allocate to the pod (the `permittedHostDevices` the cluster
 * allows). The VMI's host devices asking for one resource take its devices in order.
 */
export type HostDeviceResources = Readonly<Record<string, readonly HostDeviceSource[]>>;

/** The host device as a person reads it, for errors. */
export function describeHostDevice(source: HostDeviceSource): string {
  return source.type === 'pci' ? `PCI device ${source.address}` : `USB device ${source.vendor}:${source.product}`;
}
