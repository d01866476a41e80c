import { XdrError } from './xdr-error.ts';

/** Reads XDR units from a buffer, refusing to read past its end. */
export class XdrReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  get position(): number {
    return this.offset;
  }

  private need(bytes: number, what: string): void {
    if (this.offset + bytes > this.buffer.length) {
      throw new XdrError(`truncated: ${what} needs ${bytes} bytes at offset ${this.offset}, only ${this.buffer.length - this.offset} left`);
    }
  }

  readInt32(): number {
    this.need(4, 'int');
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  readUint32(): number {
    this.need(4, 'unsigned int');
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  readInt64(): bigint {
    this.need(8, 'hyper');
    const value = this.buffer.readBigInt64BE(this.offset);
    this.offset += 8;
    return value;
  }

  readUint64(): bigint {
    this.need(8, 'unsigned hyper');
    const value = this.buffer.readBigUInt64BE(this.offset);
    this.offset += 8;
    return value;
  }

  readDouble(): number {
    this.need(8, 'double');
    const value = this.buffer.readDoubleBE(this.offset);
    this.offset += 8;
    return value;
  }

  /** `length` bytes (a copy, so callers may keep it after the packet buffer is reused), then skips the padding. */
  readPadded(length: number): Buffer {
    const padding = (4 - (length % 4)) % 4;
    this.need(length + padding, `${length} bytes of opaque data`);
    const bytes = Buffer.from(this.buffer.subarray(this.offset, this.offset + length));
    this.offset += length + padding;
    return bytes;
  }

  readUtf8(length: number): string {
    const padding = (4 - (length % 4)) % 4;
    this.need(length + padding, `a ${length}-byte string`);
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length + padding;
    return value;
  }

  /** Fails when bytes are left over: a payload must decode exactly. */
  expectEnd(what: string): void {
    if (this.remaining !== 0) throw new XdrError(`${this.remaining} unexpected trailing bytes after ${what}`);
  }
}
