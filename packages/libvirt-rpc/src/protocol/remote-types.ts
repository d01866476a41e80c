import { xdr, type XdrType } from '../xdr/index.ts';
import { STRING_MAX } from './constants.ts';

/** `remote_nonnull_string`. */
export const nonnullString = xdr.string(STRING_MAX);
/** `remote_string`: an optional string, `null` when absent. */
export const remoteString = xdr.optional(nonnullString);
/** `remote_uuid`: 16 raw bytes. */
export const uuidBytes = xdr.fixedOpaque(16);

/** A domain as the daemon names it: keep what a lookup returned and pass it back unchanged. */
export interface Domain {
  name: string;
  /** 16 raw bytes; see `uuidToString`. */
  uuid: Buffer;
  /** −1 while inactive. */
  id: number;
}
/** `remote_nonnull_domain`. */
export const domain: XdrType<Domain> = xdr.struct({ name: nonnullString, uuid: uuidBytes, id: xdr.int });
/** `remote_domain`: optional. */
export const optionalDomain = xdr.optional(domain);

export interface Network { name: string; uuid: Buffer }
export const network: XdrType<Network> = xdr.struct({ name: nonnullString, uuid: uuidBytes });
export const optionalNetwork = xdr.optional(network);

export interface StoragePool { name: string; uuid: Buffer }
export const storagePool: XdrType<StoragePool> = xdr.struct({ name: nonnullString, uuid: uuidBytes });

export interface StorageVolume { pool: string; name: string; key: string }
export const storageVolume: XdrType<StorageVolume> = xdr.struct({ pool: nonnullString, name: nonnullString, key: nonnullString });

export interface DomainSnapshot { name: string; domain: Domain }
export const domainSnapshot: XdrType<DomainSnapshot> = xdr.struct({ name: nonnullString, domain });

export interface DomainCheckpoint { name: string; domain: Domain }
export const domainCheckpoint: XdrType<DomainCheckpoint> = xdr.struct({ name: nonnullString, domain });

/** `8a3f…` (36 characters) from 16 bytes. */
export function uuidToString(uuid: Uint8Array): string {
  const hex = Buffer.from(uuid).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 16 bytes from a UUID string, with or without dashes. */
export function uuidFromString(text: string): Buffer {
  const hex = text.replaceAll('-', '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new TypeError(`not a UUID: '${text}'`);
  return Buffer.from(hex, 'hex');
}
