import { ByteWriter } from './byte-writer.ts';

/** A fixed recording date (1970-01-01 00:00 UTC): the same files always give the same image. */
const RECORDING_DATE = [70, 1, 1, 0, 0, 0, 0];

/** One directory record (ECMA-119 9.1): where an entry's extent is, how long, and its name. */
export function directoryRecord(identifier: Uint8Array, location: number, size: number, isDirectory: boolean): Uint8Array {
  const length = 33 + identifier.length + (identifier.length % 2 === 0 ? 1 : 0);
  const bytes = new Uint8Array(length);
  const writer = new ByteWriter(bytes);
  writer.u8(0, length);
  writer.u32both(2, location);
  writer.u32both(10, size);
  bytes.set(RECORDING_DATE, 18);
  writer.u8(25, isDirectory ? 0x02 : 0x00);
  writer.u16both(28, 1);
  writer.u8(32, identifier.length);
  bytes.set(identifier, 33);
  return bytes;
}

/** The `.` and `..` identifiers. */
export const SELF = Uint8Array.of(0);
export const PARENT = Uint8Array.of(1);
