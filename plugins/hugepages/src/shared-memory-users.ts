import type { VirtualMachineInstance } from '@kvmkit/vmi';

/**
 * The devices whose backend process maps guest memory and so needs it shared (KubeVirt:
 * `IsVMIVirtiofsEnabled`, `HasPasstBinding`): virtiofs filesystems (virtiofsd) and interfaces with
 * the core passt binding (passt over vhost-user). Returns their field paths.
 */
export function sharedMemoryUsers(vmi: VirtualMachineInstance): string[] {
  const devices = vmi.spec.domain.devices;
  const users: string[] = [];
  (devices.filesystems ?? []).forEach((filesystem, index) => {
    // Typed as required, but a manifest may leave it out (a future filesystem kind).
    if ((filesystem as { virtiofs?: unknown }).virtiofs !== undefined) users.push(`spec.domain.devices.filesystems[${String(index)}].virtiofs`);
  });
  (devices.interfaces ?? []).forEach((networkInterface, index) => {
    if (networkInterface.passtBinding !== undefined) users.push(`spec.domain.devices.interfaces[${String(index)}].passtBinding`);
  });
  return users;
}
