import { XdrError } from './xdr-error.ts';
import type { XdrReader } from './xdr-reader.ts';
import type { XdrType } from './xdr-type.ts';
import type { XdrWriter } from './xdr-writer.ts';

function integerIn(description: string, min: number, max: number): XdrType<number> {
  const check = (value: number, action: string): number => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new XdrError(`${action} ${description}: ${String(value)} is not an integer in [${min}, ${max}]`);
    }
    return value;
  };
  const signed = min < 0;
  return {
    description,
    encode: (writer: XdrWriter, value: number): void => {
      check(value, 'cannot encode');
      if (signed) writer.writeInt32(value);
      else writer.writeUint32(value);
    },
    decode: (reader: XdrReader): number => check(signed ? reader.readInt32() : reader.readUint32(), 'cannot decode'),
  };
}

/** XDR `int`: 4 bytes, signed. */
export const int = integerIn('int', -0x8000_0000, 0x7fff_ffff);
/** XDR `unsigned int`: 4 bytes. */
export const uint = integerIn('unsigned int', 0, 0xffff_ffff);
/** rpcgen's `char`: a whole 4-byte int on the wire, value range of a C char. */
export const char = integerIn('char', -128, 127);
/** rpcgen's `unsigned char`: 4 bytes on the wire. */
export const uchar = integerIn('unsigned char', 0, 255);
/** rpcgen's `short`: 4 bytes on the wire. */
export const short = integerIn('short', -32768, 32767);
/** rpcgen's `unsigned short`: 4 bytes on the wire. */
export const ushort = integerIn('unsigned short', 0, 65535);

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

function bigIntegerIn(description: string, min: bigint, max: bigint): XdrType<bigint> {
  const signed = min < 0n;
  return {
    description,
    encode: (writer: XdrWriter, value: bigint): void => {
      if (typeof value !== 'bigint' || value < min || value > max) {
        throw new XdrError(`cannot encode ${description}: ${String(value)} is not a bigint in [${min}, ${max}]`);
      }
      if (signed) writer.writeInt64(value);
      else writer.writeUint64(value);
    },
    decode: (reader: XdrReader): bigint => (signed ? reader.readInt64() : reader.readUint64()),
  };
}

/** XDR `hyper`: 8 bytes, signed, as bigint. */
export const hyper = bigIntegerIn('hyper', INT64_MIN, INT64_MAX);
/** XDR `unsigned hyper`: 8 bytes, as bigint. */
export const uhyper = bigIntegerIn('unsigned hyper', 0n, UINT64_MAX);

/** XDR `double`: 8-byte IEEE 754. */
export const double: XdrType<number> = {
  description: 'double',
  encode: (writer, value) => {
    if (typeof value !== 'number') throw new XdrError(`cannot encode double: ${String(value)} is not a number`);
    writer.writeDouble(value);
  },
  decode: (reader) => reader.readDouble(),
};

/** XDR `bool`: 4 bytes, 0 or 1. */
export const bool: XdrType<boolean> = {
  description: 'bool',
  encode: (writer, value) => {
    if (typeof value !== 'boolean') throw new XdrError(`cannot encode bool: ${String(value)} is not a boolean`);
    writer.writeUint32(value ? 1 : 0);
  },
  decode: (reader) => {
    const value = reader.readUint32();
    if (value > 1) throw new XdrError(`cannot decode bool: ${value} is neither 0 nor 1`);
    return value === 1;
  },
};

/** XDR `void`: nothing on the wire. */
export const voidType: XdrType<undefined> = {
  description: 'void',
  encode: () => undefined,
  decode: () => undefined,
};

/** XDR `string<max>`: length word, UTF-8 bytes, padding. The bound is checked both ways, in bytes. */
export function string(max: number): XdrType<string> {
  const description = `string<${max}>`;
  return {
    description,
    encode: (writer, value) => {
      if (typeof value !== 'string') throw new XdrError(`cannot encode ${description}: ${String(value)} is not a string`);
      // Checking the byte length first would mean encoding twice; a string's UTF-8 length is at most 3 × its UTF-16 length.
      if (value.length * 3 > max && Buffer.byteLength(value, 'utf8') > max) {
        throw new XdrError(`cannot encode ${description}: ${Buffer.byteLength(value, 'utf8')} bytes exceed the limit of ${max}`);
      }
      writer.writeLengthPrefixedString(value);
    },
    decode: (reader) => {
      const length = reader.readUint32();
      if (length > max) throw new XdrError(`cannot decode ${description}: length ${length} exceeds the limit of ${max}`);
      return reader.readUtf8(length);
    },
  };
}

/** XDR `opaque x<max>`: length word, bytes, padding. */
export function opaque(max: number): XdrType<Buffer> {
  const description = `opaque<${max}>`;
  return {
    description,
    encode: (writer, value) => {
      if (!(value instanceof Uint8Array)) throw new XdrError(`cannot encode ${description}: not a Buffer`);
      if (value.length > max) throw new XdrError(`cannot encode ${description}: ${value.length} bytes exceed the limit of ${max}`);
      writer.writeUint32(value.length);
      writer.writePadded(value);
    },
    decode: (reader) => {
      const length = reader.readUint32();
      if (length > max) throw new XdrError(`cannot decode ${description}: length ${length} exceeds the limit of ${max}`);
      return reader.readPadded(length);
    },
  };
}

/** XDR `opaque x[size]`: exactly `size` bytes plus padding, no length word (e.g. a 16-byte UUID). */
export function fixedOpaque(size: number): XdrType<Buffer> {
  const description = `opaque[${size}]`;
  return {
    description,
    encode: (writer, value) => {
      if (!(value instanceof Uint8Array) || value.length !== size) {
        throw new XdrError(`cannot encode ${description}: expected exactly ${size} bytes, got ${value instanceof Uint8Array ? String(value.length) : typeof value}`);
      }
      writer.writePadded(value);
    },
    decode: (reader) => reader.readPadded(size),
  };
}
