/** A small declarative XDR library (RFC 4506 as rpcgen encodes it): build types, then encode and decode. */
import { array, charString, fixedArray, mapped, optional, struct, union } from './composites.ts';
import { bool, char, double, fixedOpaque, hyper, int, opaque, short, string, uchar, uhyper, uint, ushort, voidType } from './primitives.ts';
import { XdrReader } from './xdr-reader.ts';
import type { XdrType } from './xdr-type.ts';
import { XdrWriter } from './xdr-writer.ts';

export { XdrError } from './xdr-error.ts';
export { XdrReader } from './xdr-reader.ts';
export { XdrWriter } from './xdr-writer.ts';
export type { XdrType, XdrValue } from './xdr-type.ts';
export type { UnionValue } from './composites.ts';

export const xdr = {
  int, uint, char, uchar, short, ushort, hyper, uhyper, double, bool, void: voidType,
  string, opaque, fixedOpaque, struct, array, fixedArray, optional, union, mapped, charString,
} as const;

/** Encodes one value to a fresh buffer. */
export function encodeXdr<T>(type: XdrType<T>, value: T): Buffer {
  const writer = new XdrWriter();
  type.encode(writer, value);
  return Buffer.from(writer.bytes());
}

/** Decodes one value and requires the buffer to hold exactly that value. */
export function decodeXdr<T>(type: XdrType<T>, bytes: Buffer): T {
  const reader = new XdrReader(bytes);
  const value = type.decode(reader);
  reader.expectEnd(type.description);
  return value;
}
