import { Duplex } from 'node:stream';
import { MessageStatus, STREAM_CHUNK_BYTES } from '../protocol/constants.ts';

/** What a stream needs from its connection: send one stream packet, and forget the stream when done. */
export interface StreamTransport {
  send(status: number, payload: Uint8Array, written?: (error?: Error | null) => void): void;
  release(): void;
}

/**
 * A libvirt data stream bound to one call's serial, as a Node Duplex. Reading yields the daemon's
 * data; `end()` performs libvirt's finish handshake (empty STREAM OK, then wait for the daemon's OK);
 * `abort()` sends STREAM ERROR; a daemon-side failure destroys the stream with its LibvirtError.
 */
export class LibvirtStream extends Duplex {
  private finishing: ((error?: Error | null) => void) | null = null;
  private completed = false;

  constructor(private readonly transport: StreamTransport, private readonly decodeError: (payload: Buffer) => Error) {
    super({ allowHalfOpen: true });
  }

  /** Routes one STREAM packet from the daemon. */
  handlePacket(status: number, payload: Buffer): void {
    if (status === MessageStatus.CONTINUE) {
      // An empty CONTINUE is the daemon's end of data.
      if (payload.length === 0) this.push(null);
      else this.push(Buffer.from(payload));
      return;
    }
    if (status === MessageStatus.OK) {
      this.complete();
      this.push(null);
      const finishing = this.finishing;
      this.finishing = null;
      finishing?.();
      return;
    }
    this.complete();
    this.destroy(this.decodeError(payload));
  }

  /** Tells the daemon to stop the stream and discards what is still in flight. */
  abort(): void {
    if (!this.completed) {
      this.transport.send(MessageStatus.ERROR, Buffer.alloc(0));
      this.complete();
    }
    this.destroy();
  }

  /** The call failed, so the daemon never opened the stream: drop it quietly (nobody holds it yet). */
  discard(): void {
    this.complete();
    this.destroy();
  }

  /** The connection died under the stream. */
  fail(error: Error): void {
    this.complete();
    this.destroy(error);
  }

  private complete(): void {
    if (this.completed) return;
    this.completed = true;
    this.transport.release();
  }

  override _read(): void {
    // Data is pushed as packets arrive; the daemon sends at its own pace.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.completed) {
      callback(new Error('cannot write to a libvirt stream that has finished'));
      return;
    }
    for (let offset = 0; offset < chunk.length; offset += STREAM_CHUNK_BYTES) {
      const last = offset + STREAM_CHUNK_BYTES >= chunk.length;
      this.transport.send(MessageStatus.CONTINUE, chunk.subarray(offset, offset + STREAM_CHUNK_BYTES), last ? callback : undefined);
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.completed) {
      callback();
      return;
    }
    this.finishing = callback;
    this.transport.send(MessageStatus.OK, Buffer.alloc(0));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.completed) {
      this.transport.send(MessageStatus.ERROR, Buffer.alloc(0));
      this.complete();
    }
    const finishing = this.finishing;
    this.finishing = null;
    finishing?.(error ?? new Error('libvirt stream destroyed before the finish handshake completed'));
    callback(error);
  }
}
