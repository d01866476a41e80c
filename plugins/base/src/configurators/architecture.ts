import type { Architecture } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

const LIBVIRT_ARCHITECTURES: Record<string, Architecture> = { amd64: 'x86_64', arm64: 'aarch64', s390x: 's390x', ppc64le: 'ppc64le' };

/** libvirt's architecture name for the VMI: `spec.architecture` (KubeVirt's names) or the host's. */
export function libvirtArchitecture(vmi: VirtualMachineInstance, hostArchitecture: Architecture): Architecture {
  const requested = vmi.spec.architecture;
  return (requested === undefined ? undefined : LIBVIRT_ARCHITECTURES[requested]) ?? hostArchitecture;
}

/** Whether the machine type is a PCI Express (q35) machine. */
export function isQ35(machine: string | undefined): boolean {
  return machine !== undefined && machine.includes('q35');
}
