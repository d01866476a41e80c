import { HEADER_BYTES, MESSAGE_MAX_BYTES } from './constants.ts';
import { decodeHeader, type Packet } from './packet.ts';

/** A framing violation: the byte stream can no longer be trusted, so the connection must end. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/**
 * Splits a byte stream into packets. The length word is validated before anything else is read
 * (at least 28, at most libvirt's message limit + 4), so a hostile length never makes it buffer.
 *
 * A packet that lies wholly inside one chunk is returned as a view into that chunk (no copy); a
 * packet split across chunks is assembled in a buffer of its exact length, so nothing is joined
 * twice. The decoder keeps no view into a chunk after `push` returns: callers may reuse chunk
 * buffers, as long as they use the returned packets before the next `push`.
 */
export class FrameDecoder {
  // The first bytes of a length word split across chunks.
  private readonly lengthWord = Buffer.alloc(4);
  private lengthWordBytes = 0;
  // The packet being assembled, allocated at its full length, and how much of it has arrived.
  private partial: Buffer | null = null;
  private partialBytes = 0;

  constructor(private readonly maxPacketBytes = MESSAGE_MAX_BYTES + 4) {}

  /** Bytes held back waiting for the rest of a packet. */
  get pendingBytes(): number {
    return this.partial === null ? this.lengthWordBytes : this.partialBytes;
  }

  /** Feeds received bytes; returns every packet they complete. Throws ProtocolError on a bad length. */
  push(chunk: Buffer): Packet[] {
    const packets: Packet[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      const available = chunk.length - offset;
      if (this.partial !== null) {
        const copied = chunk.copy(this.partial, this.partialBytes, offset, offset + Math.min(available, this.partial.length - this.partialBytes));
        this.partialBytes += copied;
        offset += copied;
        if (this.partialBytes === this.partial.length) {
          packets.push(toPacket(this.partial));
          this.partial = null;
          this.partialBytes = 0;
        }
      } else if (this.lengthWordBytes > 0 || available < 4) {
        const copied = chunk.copy(this.lengthWord, this.lengthWordBytes, offset, offset + Math.min(available, 4 - this.lengthWordBytes));
        this.lengthWordBytes += copied;
        offset += copied;
        if (this.lengthWordBytes < 4) break;
        this.partial = Buffer.allocUnsafe(this.checkedLength(this.lengthWord.readUInt32BE(0)));
        this.lengthWord.copy(this.partial, 0);
        this.partialBytes = 4;
        this.lengthWordBytes = 0;
      } else {
        const length = this.checkedLength(chunk.readUInt32BE(offset));
        if (available >= length) {
          packets.push(toPacket(chunk.subarray(offset, offset + length)));
          offset += length;
        } else {
          this.partial = Buffer.allocUnsafe(length);
          this.partialBytes = chunk.copy(this.partial, 0, offset);
          offset = chunk.length;
        }
      }
    }
    return packets;
  }

  private checkedLength(length: number): number {
    if (length < HEADER_BYTES) throw new ProtocolError(`packet length ${length} is shorter than the ${HEADER_BYTES}-byte header`);
    if (length > this.maxPacketBytes) throw new ProtocolError(`packet length ${length} exceeds the limit of ${this.maxPacketBytes} bytes`);
    return length;
  }
}

function toPacket(bytes: Buffer): Packet {
  return { header: decodeHeader(bytes), payload: bytes.subarray(HEADER_BYTES) };
}
