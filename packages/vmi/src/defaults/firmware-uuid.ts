import { createHash } from 'node:crypto';

/** The namespace KubeVirt hashes VM names in (`firmwareUUIDns` in virt-controller's firmware.go). */
export const KUBEVIRT_FIRMWARE_UUID_NAMESPACE = '6a1a24a1-4061-4607-8bf4-a3963d0c5895';

/**
 * The firmware UUID KubeVirt gives a VM's instance: a name-based (version 5, SHA-1) UUID of the
 * VM's name in KubeVirt's fixed namespace, so the guest sees the same UUID on every start.
 */
export function firmwareUuidForName(name: string): string {
  return uuidV5(name, KUBEVIRT_FIRMWARE_UUID_NAMESPACE);
}

/** RFC 9562 version 5 UUID: SHA-1 of namespace bytes then name bytes, version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  if (namespaceBytes.length !== 16) throw new Error(`namespace ${namespace} is not a UUID`);
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
