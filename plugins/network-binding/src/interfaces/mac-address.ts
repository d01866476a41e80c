import { createHash } from 'node:crypto';
import type { Interface, VirtualMachineInstance } from '@kvmkit/vmi';

/**
 * A stable MAC for an interface without `macAddress`: the configured prefix, then three octets of
 * SHA-256 over namespace, VMI name and interface name. The same VMI gets the same MAC on every
 * conversion (conversion must be pure), and different interfaces get different ones.
 */
export function derivedMacAddress(vmi: VirtualMachineInstance, interfaceName: string, prefix: string): string {
  const identity = `${vmi.metadata?.namespace ?? 'default'}/${vmi.metadata?.name ?? ''}/${interfaceName}`;
  const digest = createHash('sha256').update(identity).digest();
  const suffix = [...digest.subarray(0, 3)].map((octet) => octet.toString(16).padStart(2, '0'));
  return [prefix, ...suffix].join(':');
}

/**
 * libvirt's spelling of a MAC KubeVirt accepts (`-` or `:` separated, any case): lowercase with
 * colons. Dotted forms are refused earlier by core's `mac-address` rule when not six octets.
 */
export function normalizedMacAddress(mac: string): string {
  const digits = mac.replace(/[:.-]/g, '').toLowerCase();
  return digits.match(/.{2}/g)?.join(':') ?? digits;
}

/** The MAC an interface's `<interface>` gets: its own `macAddress` in libvirt's spelling, or a derived one. */
export function interfaceMacAddress(vmi: VirtualMachineInstance, vmiInterface: Interface, prefix: string): string {
  return vmiInterface.macAddress === undefined || vmiInterface.macAddress === ''
    ? derivedMacAddress(vmi, vmiInterface.name, prefix)
    : normalizedMacAddress(vmiInterface.macAddress);
}
