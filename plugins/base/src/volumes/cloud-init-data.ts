import type { CloudInitNoCloudSource } from '@kvmkit/vmi';

/** The two cloud-init volume kinds, which share their data fields. */
export type CloudInitKind = 'cloudInitNoCloud' | 'cloudInitConfigDrive';
export const CLOUD_INIT_KINDS: readonly CloudInitKind[] = ['cloudInitNoCloud', 'cloudInitConfigDrive'];

/** Where one cloud-init document (user data or network data) comes from. */
export type CloudInitDocumentSource =
  | { kind: 'none' }
  | { kind: 'inline'; text: string }
  | { kind: 'base64'; field: string; encoded: string }
  | { kind: 'secret'; field: string; secretName: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (whitespace allowed between groups, as YAML block scalars add it). */
export function decodeBase64Strict(encoded: string): Uint8Array | undefined {
  const compact = encoded.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Uint8Array.from(Buffer.from(compact, 'base64'));
}

/** cloud-init reads text (UTF-8) or gzip-compressed data; anything else is refused. */
export function isCloudInitPayload(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The user data source of a cloud-init volume (at most one may be given; validation checks). */
export function userDataSource(source: CloudInitNoCloudSource): CloudInitDocumentSource {
  if (source.userData !== undefined) return { kind: 'inline', text: source.userData };
  if (source.userDataBase64 !== undefined) return { kind: 'base64', field: 'userDataBase64', encoded: source.userDataBase64 };
  if (source.secretRef?.name !== undefined) return { kind: 'secret', field: 'secretRef', secretName: source.secretRef.name };
  return { kind: 'none' };
}

export function networkDataSource(source: CloudInitNoCloudSource): CloudInitDocumentSource {
  if (source.networkData !== undefined) return { kind: 'inline', text: source.networkData };
  if (source.networkDataBase64 !== undefined) return { kind: 'base64', field: 'networkDataBase64', encoded: source.networkDataBase64 };
  if (source.networkDataSecretRef?.name !== undefined) return { kind: 'secret', field: 'networkDataSecretRef', secretName: source.networkDataSecretRef.name };
  return { kind: 'none' };
}
