const INITIAL_BYTES = 256;

/** Appends XDR units to a growing buffer. All writes are big-endian and 4-byte aligned by the caller. */
export class XdrWriter {
  private buffer: Buffer;
  private offset: number;

  constructor(initialBytes = INITIAL_BYTES, startOffset = 0) {
    this.buffer = Buffer.allocUnsafe(Math.max(initialBytes, startOffset + 4));
    this.offset = startOffset;
  }

  get length(): number {
    return this.offset;
  }

  private reserve(bytes: number): void {
    const needed = this.offset + bytes;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  writeInt32(value: number): void {
    this.reserve(4);
    this.buffer.writeInt32BE(value, this.offset);
    this.offset += 4;
  }

  writeUint32(value: number): void {
    this.reserve(4);
    this.buffer.writeUInt32BE(value, this.offset);
    this.offset += 4;
  }

  writeInt64(value: bigint): void {
    this.reserve(8);
    this.buffer.writeBigInt64BE(value, this.offset);
    this.offset += 8;
  }

  writeUint64(value: bigint): void {
    this.reserve(8);
    this.buffer.writeBigUInt64BE(value, this.offset);
    this.offset += 8;
  }

  writeDouble(value: number): void {
    this.reserve(8);
    this.buffer.writeDoubleBE(value, this.offset);
    this.offset += 8;
  }

  /** Raw bytes followed by zero padding to the next 4-byte boundary. */
  writePadded(bytes: Uint8Array): void {
    const padding = (4 - (bytes.length % 4)) % 4;
    this.reserve(bytes.length + padding);
    this.buffer.set(bytes, this.offset);
    this.offset += bytes.length;
    for (let index = 0; index < padding; index++) this.buffer[this.offset++] = 0;
  }

  /** A UTF-8 string's bytes with a length word in front and padding after. */
  writeLengthPrefixedString(value: string): number {
    const byteLength = Buffer.byteLength(value, 'utf8');
    const padding = (4 - (byteLength % 4)) % 4;
    this.reserve(4 + byteLength + padding);
    this.buffer.writeUInt32BE(byteLength, this.offset);
    this.offset += 4;
    this.offset += this.buffer.write(value, this.offset, 'utf8');
    for (let index = 0; index < padding; index++) this.buffer[this.offset++] = 0;
    return byteLength;
  }

  /** Overwrites a 32-bit word already written (used for the packet length). */
  patchUint32(position: number, value: number): void {
    this.buffer.writeUInt32BE(value, position);
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.offset);
  }
}
