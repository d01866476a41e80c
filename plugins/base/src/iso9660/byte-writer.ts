/** ISO 9660 numbers: little-endian, big-endian, and "both-byte orders" (LE then BE). */
export class ByteWriter {
  readonly bytes: Uint8Array;
  readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(offset: number, value: number): void { this.view.setUint8(offset, value); }
  u16le(offset: number, value: number): void { this.view.setUint16(offset, value, true); }
  u16be(offset: number, value: number): void { this.view.setUint16(offset, value, false); }
  u32le(offset: number, value: number): void { this.view.setUint32(offset, value, true); }
  u32be(offset: number, value: number): void { this.view.setUint32(offset, value, false); }
  u16both(offset: number, value: number): void { this.u16le(offset, value); this.u16be(offset + 2, value); }
  u32both(offset: number, value: number): void { this.u32le(offset, value); this.u32be(offset + 4, value); }
}

/** ASCII bytes of `text` (identifiers are ASCII in the primary volume descriptor). */
export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0) & 0x7f);
}

/** UCS-2 big-endian bytes, as Joliet stores names. */
export function ucs2be(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes[index * 2] = code >> 8;
    bytes[index * 2 + 1] = code & 0xff;
  }
  return bytes;
}
