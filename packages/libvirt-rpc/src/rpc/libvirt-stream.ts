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
 * `abort()` (or `destroy()`) sends STREAM ERROR and emits 'close' once the daemon confirms it; a
 * daemon-side failure destroys the stream with its LibvirtError.
 */
/** How long an abort waits for the daemon's confirmation before the stream closes anyway. */
const ABORT_CONFIRMATION_TIMEOUT_MS = 5_000;

export class LibvirtStream extends Duplex {
  private finishing: ((error?: Error | null) => void) | null = null;
  /** Set while an abort waits for the daemon's confirmation; ends the destroy that sent it. */
  private abortPending: (() => void) | null = null;
  private completed = false;

  constructor(private readonly transport: StreamTransport, private readonly decodeError: (payload: Buffer) => Error) {
    super({ allowHalfOpen: true });
  }

  /** Routes one STREAM packet from the daemon. */
  handlePacket(status: number, payload: Buffer): void {
    if (this.abortPending !== null) {
      // Data the daemon sent before it saw the abort is dropped; its OK (or an error) confirms the abort.
      if (status !== MessageStatus.CONTINUE) this.confirmAbort();
      return;
    }
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

  /**
   * A REPLY on this stream's serial that no call waits for: the late answer of a call that was given
   * up (timeout or abort signal) while its stream was being aborted. The daemon had dropped that abort
   * because the stream did not exist yet: if the call opened it after all, abort it again.
   */
  handleOrphanReply(status: number): void {
    if (this.abortPending === null) return;
    if (status === MessageStatus.OK) this.transport.send(MessageStatus.ERROR, Buffer.alloc(0));
    else this.confirmAbort();
  }

  /**
   * Tells the daemon to stop the stream and discards what is still in flight. 'close' follows the
   * daemon's confirmation: from then on it holds nothing for this stream (a console can be reopened).
   */
  abort(): void {
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
    if (this.abortPending !== null) this.confirmAbort();
    else this.destroy(error);
  }

  private confirmAbort(): void {
    const pending = this.abortPending;
    this.abortPending = null;
    this.complete();
    pending?.();
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
    // Nothing to send (an empty CONTINUE would read as end of data), but the write must complete.
    if (chunk.length === 0) {
      callback();
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
    const finishing = this.finishing;
    this.finishing = null;
    finishing?.(error ?? new Error('libvirt stream destroyed before the finish handshake completed'));
    if (this.completed) {
      callback(error);
      return;
    }
    // Until the daemon confirms, it may still hold the stream's device (a console stays locked).
    // A daemon that never confirms (hung, or the stream never existed there) must not keep the
    // stream, and whoever waits for 'close', forever.
    const unconfirmed = setTimeout(() => { this.confirmAbort(); }, ABORT_CONFIRMATION_TIMEOUT_MS);
    unconfirmed.unref();
    this.abortPending = () => { clearTimeout(unconfirmed); callback(error); };
    this.transport.send(MessageStatus.ERROR, Buffer.alloc(0));
  }
}
