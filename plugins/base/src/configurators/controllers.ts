import type { Controller } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { virtioModelFor } from './virtio-model.ts';
import type { BaseConfigurator } from '../base-configurator.ts';
import { isQ35 } from './architecture.ts';
import { devicesOf } from './devices.ts';
import { rootPortCount } from './pcie-root-ports.ts';

function diskBuses(vmi: VirtualMachineInstance): string[] {
  return (vmi.spec.domain.devices.disks ?? []).map((disk) => disk.disk?.bus ?? disk.cdrom?.bus ?? disk.lun?.bus ?? '');
}

/** Whether any device of the VMI sits on USB (then a USB controller is needed). */
export function needsUsbController(vmi: VirtualMachineInstance): boolean {
  const devices = vmi.spec.domain.devices;
  return diskBuses(vmi).includes('usb') || (devices.inputs ?? []).some((input) => input.bus === 'usb') || (devices.clientPassthrough !== undefined);
}

/**
 * Controllers. Reads disk buses, input buses, `devices.disableHotplug` and the machine type;
 * writes a USB controller (`qemu-xhci` when a USB device needs it, else `model='none'` as
 * KubeVirt does so no default USB bus is created), a virtio-serial controller (for the guest
 * agent channel), a virtio-scsi controller when a disk is on SCSI, and on q35 `pcie-root` plus
 * enough `pcie-root-port`s for every device and the free ones KubeVirt keeps for hotplug.
 */
export const controllersConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:controllers',
  // Last: the number of PCIe root ports depends on every device the other configurators add.
  phase: 'post',
  configure(vmi, domain, context) {
    const devices = devicesOf(domain);
    const virtio = virtioModelFor(vmi, context);
    const controllers: Controller[] = [
      needsUsbController(vmi) ? { type: 'usb', index: 0, model: 'qemu-xhci' } : { type: 'usb', index: 0, model: 'none' },
      { type: 'virtio-serial', index: 0, model: virtio },
    ];
    if (diskBuses(vmi).includes('scsi')) controllers.push({ type: 'scsi', index: 0, model: virtio === 'virtio' ? 'virtio-scsi' : virtio });
    devices.controllers = [...(devices.controllers ?? []), ...controllers];
    if (isQ35(domain.os?.type.machine) && vmi.spec.domain.devices.disableHotplug !== true) {
      // Counted after every other configurator wrote its devices (this one runs in 'post').
      const ports = rootPortCount(domain, context.options.hotplugRootPorts);
      // libvirt numbers index-less PCI controllers from 0, which must be the root complex.
      const pci: Controller[] = [{ type: 'pci', index: 0, model: 'pcie-root' }];
      for (let port = 1; port <= ports; port += 1) pci.push({ type: 'pci', index: port, model: 'pcie-root-port' });
      devices.controllers.push(...pci);
    }
  },
};
