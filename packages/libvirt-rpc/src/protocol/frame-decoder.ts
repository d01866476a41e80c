import { HEADER_BYTES, MESSAGE_MAX_BYTES } from './constants.ts';
import { decodeHeader, type Packet } from './packet.ts';

/** A framing violation: the byte stream can no longer be trusted, so the connection must end. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/**
 * Splits a byte stream into packets. The length word is validated before anything else is read
 * (at least 28, at most libvirt's message limit + 4), so a hostile length never makes it buffer.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxPacketBytes = MESSAGE_MAX_BYTES + 4) {}

  /** Bytes held back waiting for the rest of a packet. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Feeds received bytes; returns every packet they complete. Throws ProtocolError on a bad length. */
  push(chunk: Buffer): Packet[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const packets: Packet[] = [];
    while (this.buffered >= 4) {
      const head = this.contiguous(4);
      const length = head.readUInt32BE(0);
      if (length < HEADER_BYTES) throw new ProtocolError(`packet length ${length} is shorter than the ${HEADER_BYTES}-byte header`);
      if (length > this.maxPacketBytes) throw new ProtocolError(`packet length ${length} exceeds the limit of ${this.maxPacketBytes} bytes`);
      if (this.buffered < length) break;
      const bytes = this.take(length);
      packets.push({ header: decodeHeader(bytes), payload: bytes.subarray(HEADER_BYTES) });
    }
    return packets;
  }

  // Joins chunks until the first holds at least `bytes` bytes.
  private contiguous(bytes: number): Buffer {
    let first = this.chunks[0];
    if (first !== undefined && first.length >= bytes) return first;
    first = Buffer.concat(this.chunks);
    this.chunks = [first];
    return first;
  }

  private take(bytes: number): Buffer {
    const joined = this.contiguous(bytes);
    const packet = joined.subarray(0, bytes);
    const rest = joined.subarray(bytes);
    this.chunks = rest.length > 0 ? [rest, ...this.chunks.slice(1)] : this.chunks.slice(1);
    this.buffered -= bytes;
    return packet;
  }
}
