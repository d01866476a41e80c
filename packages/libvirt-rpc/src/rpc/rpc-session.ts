import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { CallAbortedError, CallTimeoutError, ConnectionClosedError, ConnectionLostError } from '../errors/connection-errors.ts';
import { libvirtErrorFrom } from '../errors/libvirt-error.ts';
import { remoteError } from '../errors/remote-error.ts';
import { KeepaliveProcedure, MessageStatus, MessageType, Program } from '../protocol/constants.ts';
import { FrameDecoder, ProtocolError } from '../protocol/frame-decoder.ts';
import { encodePacket, encodeRawPacket, type Packet } from '../protocol/packet.ts';
import type { Procedure } from '../protocol/procedure.ts';
import { decodeXdr } from '../xdr/index.ts';
import { LibvirtStream } from './libvirt-stream.ts';

/** Per-call options. */
export interface CallOptions {
  /** Reject with CallTimeoutError when no reply arrives in time; the late reply is dropped. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RpcSessionOptions {
  /** Calls on the wire at once; the rest wait in order. libvirtd serves 5 per client by default. */
  maxInFlight: number;
  /** Applied to calls that set no timeout of their own; 0 = none. */
  defaultTimeoutMs: number;
  /** Largest packet accepted from the peer, including its length word. */
  maxPacketBytes?: number;
}

interface PendingCall {
  procedure: Procedure<unknown, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  cleanup: () => void;
}

interface QueuedCall {
  send: () => void;
  cancel: (error: Error) => void;
}

interface SessionEvents {
  /** An asynchronous MESSAGE of the remote or qemu program (an event). */
  event: [Packet];
  /** The socket is gone; `error` is null after `close()`. */
  close: [Error | null];
}

/**
 * One socket to libvirtd: frames packets, routes replies by serial, streams by serial, events by
 * program, answers keepalive pings, caps in-flight calls and enforces timeouts and aborts.
 */
export class RpcSession extends EventEmitter<SessionEvents> {
  private readonly decoder: FrameDecoder;
  private readonly pending = new Map<number, PendingCall>();
  private readonly streams = new Map<number, LibvirtStream>();
  private readonly queue: QueuedCall[] = [];
  private inFlight = 0;
  private lastSerial = 0;
  private ended: Error | null | undefined = undefined;
  private lastReceived = Date.now();
  private missedPings = 0;
  private keepaliveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly socket: Socket, private readonly options: RpcSessionOptions) {
    super();
    this.decoder = new FrameDecoder(options.maxPacketBytes);
    socket.on('data', (chunk: Buffer) => { this.receive(chunk); });
    socket.on('error', (error) => { this.end(new ConnectionLostError(`connection to libvirtd failed: ${error.message}`, { cause: error })); });
    socket.on('close', () => { this.end(new ConnectionLostError('connection to libvirtd closed by the peer')); });
    // The TLS check-byte reader may have paused the socket; a 'data' listener alone does not resume it.
    socket.resume();
  }

  get closed(): boolean {
    return this.ended !== undefined;
  }

  /** Calls on the wire now (at most `maxInFlight`). */
  get callsInFlight(): number {
    return this.inFlight;
  }

  /** Calls waiting for a free slot. */
  get callsQueued(): number {
    return this.queue.length;
  }

  call<Args, Ret>(procedure: Procedure<Args, Ret>, args: Args, options: CallOptions = {}): Promise<Ret> {
    return this.start(procedure, args, options, null);
  }

  /** Makes a call that carries a data stream; resolves with the reply and the stream once the reply arrives. */
  async callWithStream<Args, Ret>(procedure: Procedure<Args, Ret>, args: Args, options: CallOptions = {}): Promise<{ ret: Ret; stream: LibvirtStream }> {
    const holder: { stream: LibvirtStream | null } = { stream: null };
    const ret = await this.start(procedure, args, options, holder);
    if (holder.stream === null) throw new Error(`${procedure.name}: no stream was opened`);
    return { ret, stream: holder.stream };
  }

  /**
   * Sends a keepalive PING when nothing arrived for `intervalMs`, and declares the peer dead after
   * `maxMisses` unanswered pings in a row. Any packet from the peer counts as an answer.
   */
  enableKeepalive(intervalMs: number, maxMisses: number): void {
    if (this.keepaliveTimer !== null || this.closed) return;
    this.lastReceived = Date.now();
    this.keepaliveTimer = setInterval(() => {
      if (Date.now() - this.lastReceived < intervalMs) return;
      if (this.missedPings >= maxMisses) {
        this.socket.destroy();
        this.end(new ConnectionLostError(`libvirtd did not answer ${maxMisses} keepalive pings ${intervalMs} ms apart: connection declared dead`));
        return;
      }
      this.missedPings++;
      this.sendKeepalive(KeepaliveProcedure.PING);
    }, intervalMs);
    this.keepaliveTimer.unref();
  }

  /** Ends the socket; pending and queued calls fail with ConnectionClosedError. */
  close(): void {
    if (this.closed) return;
    this.end(null);
    this.socket.end();
    this.socket.destroy();
  }

  private nextSerial(): number {
    // Serials are uint32 and wrap; 0 is skipped because keepalive messages use it.
    this.lastSerial = this.lastSerial >= 0xffff_ffff ? 1 : this.lastSerial + 1;
    return this.lastSerial;
  }

  private start<Args, Ret>(procedure: Procedure<Args, Ret>, args: Args, options: CallOptions, streamHolder: { stream: LibvirtStream | null } | null): Promise<Ret> {
    if (this.ended !== undefined) return Promise.reject(this.ended ?? new ConnectionClosedError(`${procedure.name}: the connection is closed`));
    const { signal } = options;
    if (signal?.aborted === true) return Promise.reject(new CallAbortedError(`${procedure.name}: aborted before it was sent`, { cause: signal.reason }));
    // Encode first so a bad argument fails the call without taking a slot.
    let serial = 0;
    const packet = encodePacket({ program: procedure.program, procedure: procedure.number, type: MessageType.CALL, serial: 0, status: MessageStatus.OK }, procedure.args, args);
    return new Promise<Ret>((resolve, reject) => {
      let timer: NodeJS.Timeout | null = null;
      let queued: QueuedCall | null = null;
      const cleanup = (): void => {
        if (timer !== null) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const giveUp = (error: Error): void => {
        cleanup();
        if (queued !== null) {
          const index = this.queue.indexOf(queued);
          if (index !== -1) this.queue.splice(index, 1);
        } else if (this.pending.delete(serial)) {
          // The reply may still come: it finds no pending call and is dropped.
          this.streams.get(serial)?.abort();
          this.releaseSlot();
        }
        reject(error);
      };
      const onAbort = (): void => { giveUp(new CallAbortedError(`${procedure.name}: aborted`, { cause: signal?.reason })); };
      signal?.addEventListener('abort', onAbort, { once: true });
      const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
      if (timeoutMs > 0) timer = setTimeout(() => { giveUp(new CallTimeoutError(`${procedure.name}: no reply within ${timeoutMs} ms`)); }, timeoutMs);

      const send = (): void => {
        queued = null;
        serial = this.nextSerial();
        packet.writeUInt32BE(serial, 20);
        this.inFlight++;
        this.pending.set(serial, { procedure, resolve: resolve as (value: unknown) => void, reject, cleanup });
        if (streamHolder !== null) streamHolder.stream = this.openStream(procedure, serial);
        this.socket.write(packet);
      };
      if (this.inFlight < this.options.maxInFlight) send();
      else {
        queued = { send, cancel: giveUp };
        this.queue.push(queued);
      }
    });
  }

  private openStream(procedure: Procedure<unknown, unknown>, serial: number): LibvirtStream {
    const stream = new LibvirtStream(
      {
        send: (status, payload, written) => {
          if (this.closed) {
            written?.(new ConnectionLostError(`${procedure.name}: stream write after the connection ended`));
            return;
          }
          const packet = encodeRawPacket({ program: procedure.program, procedure: procedure.number, type: MessageType.STREAM, serial, status }, payload);
          if (written === undefined) this.socket.write(packet);
          else this.socket.write(packet, written);
        },
        release: () => { this.streams.delete(serial); },
      },
      (payload) => libvirtErrorFrom(procedure.name, decodeXdr(remoteError, payload)),
    );
    this.streams.set(serial, stream);
    return stream;
  }

  private releaseSlot(): void {
    this.inFlight--;
    const next = this.queue.shift();
    if (next !== undefined) next.send();
  }

  private receive(chunk: Buffer): void {
    this.lastReceived = Date.now();
    this.missedPings = 0;
    let packets: Packet[];
    try {
      packets = this.decoder.push(chunk);
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    // Calls released by these replies go out in one write instead of one each.
    this.socket.cork();
    try {
      for (const packet of packets) this.route(packet);
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.socket.uncork();
    }
  }

  private route(packet: Packet): void {
    const { header, payload } = packet;
    switch (header.type) {
      case MessageType.REPLY:
        this.settle(header.serial, header.status, payload);
        return;
      case MessageType.MESSAGE:
        if (header.program === Program.KEEPALIVE) {
          if (header.procedure === KeepaliveProcedure.PING) this.sendKeepalive(KeepaliveProcedure.PONG);
          return;
        }
        // Events carry serial 1 on the wire: never route them by serial.
        this.emit('event', packet);
        return;
      case MessageType.STREAM:
        this.streams.get(header.serial)?.handlePacket(header.status, payload);
        return;
      default:
        throw new ProtocolError(`unexpected packet type ${header.type} (program 0x${header.program.toString(16)}, procedure ${header.procedure}, serial ${header.serial})`);
    }
  }

  private settle(serial: number, status: number, payload: Buffer): void {
    const call = this.pending.get(serial);
    // A reply nobody waits for (timed out, aborted, or a serial we never sent) is dropped.
    if (call === undefined) return;
    this.pending.delete(serial);
    call.cleanup();
    this.releaseSlot();
    const { procedure } = call;
    try {
      if (status === MessageStatus.OK) {
        call.resolve(decodeXdr(procedure.ret, payload));
        return;
      }
      const error = libvirtErrorFrom(procedure.name, decodeXdr(remoteError, payload));
      this.streams.get(serial)?.discard();
      call.reject(error);
    } catch (error) {
      this.streams.get(serial)?.discard();
      call.reject(new ProtocolError(`${procedure.name}: cannot decode the reply: ${(error as Error).message}`, { cause: error }));
    }
  }

  private sendKeepalive(procedure: number): void {
    if (this.closed) return;
    this.socket.write(encodeRawPacket({ program: Program.KEEPALIVE, procedure, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK }, Buffer.alloc(0)));
  }

  private fail(error: Error): void {
    this.socket.destroy();
    this.end(new ConnectionLostError(`connection to libvirtd dropped: ${error.message}`, { cause: error }));
  }

  private end(error: Error | null): void {
    if (this.ended !== undefined) return;
    this.ended = error;
    if (this.keepaliveTimer !== null) clearInterval(this.keepaliveTimer);
    const reason = error ?? new ConnectionClosedError('the connection was closed');
    for (const call of this.pending.values()) {
      call.cleanup();
      call.reject(error === null ? new ConnectionClosedError(`${call.procedure.name}: the connection was closed before the reply`) : new ConnectionLostError(`${call.procedure.name}: ${error.message}`, { cause: error }));
    }
    this.pending.clear();
    for (const queued of this.queue.splice(0)) queued.cancel(reason);
    for (const stream of [...this.streams.values()]) stream.fail(reason);
    this.streams.clear();
    this.inFlight = 0;
    this.emit('close', error);
  }
}
