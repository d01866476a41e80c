import { createHash } from 'node:crypto';
import { firmwareUuidForName, type VirtualMachineInstance } from '@kvmkit/vmi';
import type { BaseConfigurator } from '../base-configurator.ts';

/** libvirt's domain name for a VMI: `<namespace>_<name>`, as KubeVirt's virt-launcher names it. */
export function domainNameOf(vmi: VirtualMachineInstance): string {
  return `${vmi.metadata?.namespace ?? 'default'}_${vmi.metadata?.name ?? ''}`;
}

/** JSON with object keys sorted at every level: the same spec always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex) of the canonical JSON of a VMI's spec: tells whether a domain is out of date. */
export function specHashOf(vmi: VirtualMachineInstance): string {
  return createHash('sha256').update(canonicalJson(vmi.spec)).digest('hex');
}

/**
 * Domain name, UUID and kvmkit metadata. Reads `metadata.{namespace,name,uid}`,
 * `spec.domain.firmware.uuid` and the whole `spec` (for the hash); writes `<name>`, `<uuid>`
 * and `<metadata><kvmkit:domain>`.
 */
export const identityConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:identity',
  phase: 'pre',
  configure(vmi, domain) {
    const name = vmi.metadata?.name ?? '';
    const namespace = vmi.metadata?.namespace ?? 'default';
    domain.name = domainNameOf(vmi);
    // withDefaults already derives the UUID from the name; a VMI given without defaults still gets it.
    domain.uuid = vmi.spec.domain.firmware?.uuid ?? firmwareUuidForName(name);
    const uid = vmi.metadata?.uid;
    domain.metadata = {
      ...domain.metadata,
      kvmkit: { vmi: { namespace, name, ...(uid === undefined ? {} : { uid }) }, specHash: specHashOf(vmi) },
    };
  },
};
