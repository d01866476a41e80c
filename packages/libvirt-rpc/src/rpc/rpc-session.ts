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

/** The socket and the way its received bytes reach the session (see `openTransport`). */
export interface SessionTransport {
  socket: Socket;
  /** Sets the receiver of incoming bytes; they may be a view into a reused buffer. */
  receive: (receiver: (bytes: Buffer) => void) => void;
}

/** One call from `call()` until it settles: first queued (serial 0), then on the wire. */
interface PendingCall {
  readonly procedure: Procedure<unknown, unknown>;
  /** The framed call; its serial word is filled in when it is sent. */
  readonly packet: Buffer;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly streamHolder: { stream: LibvirtStream | null } | null;
  serial: number;
  // Only calls with a timeout or a signal carry a timer or a listener: the common call allocates neither.
  timer: NodeJS.Timeout | null;
  signal: AbortSignal | null;
  onAbort: (() => void) | null;
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
  private readonly queue: PendingCall[] = [];
  private inFlight = 0;
  private lastSerial = 0;
  private ended: Error | null | undefined = undefined;
  private lastReceived = Date.now();
  private missedPings = 0;
  private keepaliveTimer: NodeJS.Timeout | null = null;
  private readonly socket: Socket;
  // Packets written in one turn of the event loop go out in one socket write (see `enqueue`).
  private outbox: Buffer[] = [];
  private flushScheduled = false;

  constructor(transport: SessionTransport, private readonly options: RpcSessionOptions) {
    super();
    const { socket } = transport;
    this.socket = socket;
    this.decoder = new FrameDecoder(options.maxPacketBytes);
    socket.on('error', (error) => { this.end(new ConnectionLostError(`connection to libvirtd failed: ${error.message}`, { cause: error })); });
    socket.on('close', () => { this.end(new ConnectionLostError('connection to libvirtd closed by the peer')); });
    transport.receive((bytes) => { this.receive(bytes); });
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
    const packet = encodePacket({ program: procedure.program, procedure: procedure.number, type: MessageType.CALL, serial: 0, status: MessageStatus.OK }, procedure.args, args);
    return new Promise<Ret>((resolve, reject) => {
      const call: PendingCall = { procedure, packet, resolve: resolve as (value: unknown) => void, reject, streamHolder, serial: 0, timer: null, signal: null, onAbort: null };
      if (signal !== undefined) {
        const onAbort = (): void => { this.giveUp(call, new CallAbortedError(`${procedure.name}: aborted`, { cause: signal.reason })); };
        call.signal = signal;
        call.onAbort = onAbort;
        signal.addEventListener('abort', onAbort, { once: true });
      }
      const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
      if (timeoutMs > 0) call.timer = setTimeout(() => { this.giveUp(call, new CallTimeoutError(`${procedure.name}: no reply within ${timeoutMs} ms`)); }, timeoutMs);
      if (this.inFlight < this.options.maxInFlight) this.send(call);
      else this.queue.push(call);
    });
  }

  private send(call: PendingCall): void {
    const serial = this.nextSerial();
    call.serial = serial;
    call.packet.writeUInt32BE(serial, 20);
    this.inFlight++;
    this.pending.set(serial, call);
    if (call.streamHolder !== null) call.streamHolder.stream = this.openStream(call.procedure, serial);
    this.enqueue(call.packet);
  }

  /** Timeout or abort: the call leaves the queue or the wire and rejects. */
  private giveUp(call: PendingCall, error: Error): void {
    this.cleanup(call);
    if (call.serial === 0) {
      const index = this.queue.indexOf(call);
      if (index !== -1) this.queue.splice(index, 1);
    } else if (this.pending.delete(call.serial)) {
      // The reply may still come: it finds no pending call and is dropped.
      this.streams.get(call.serial)?.abort();
      this.releaseSlot();
    }
    call.reject(error);
  }

  private cleanup(call: PendingCall): void {
    if (call.timer !== null) clearTimeout(call.timer);
    if (call.onAbort !== null) call.signal?.removeEventListener('abort', call.onAbort);
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
          if (written === undefined) {
            this.enqueue(packet);
            return;
          }
          // The caller waits for this write: send what is queued before it, then it, in order.
          this.flush();
          this.socket.write(packet, written);
        },
        release: () => { this.streams.delete(serial); },
      },
      (payload) => libvirtErrorFrom(procedure.name, decodeXdr(remoteError, payload)),
    );
    this.streams.set(serial, stream);
    return stream;
  }

  /**
   * Queues a packet for the socket. Calls issued in the same turn (a pipeline refilling as replies
   * resolve) leave in one write, so one system call carries them all; order is kept.
   */
  private enqueue(packet: Buffer): void {
    this.outbox.push(packet);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(this.flush);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    const packets = this.outbox;
    const [first] = packets;
    if (first === undefined) return;
    this.outbox = [];
    if (this.ended !== undefined) return;
    this.socket.write(packets.length === 1 ? first : Buffer.concat(packets));
  };

  private releaseSlot(): void {
    this.inFlight--;
    const next = this.queue.shift();
    if (next !== undefined) this.send(next);
  }

  // `chunk` may be a view into a buffer the transport reuses: every packet is handled before returning.
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
    try {
      for (const packet of packets) this.route(packet);
    } catch (error) {
      this.fail(error as Error);
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
    // A reply nobody waits for (timed out, aborted, or a serial we never sent) is dropped, but the
    // stream of a call given up still has to learn whether the daemon opened it.
    if (call === undefined) {
      this.streams.get(serial)?.handleOrphanReply(status);
      return;
    }
    this.pending.delete(serial);
    this.cleanup(call);
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
    this.enqueue(encodeRawPacket({ program: Program.KEEPALIVE, procedure, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK }, Buffer.alloc(0)));
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
      this.cleanup(call);
      // Nobody holds the stream of an unanswered call yet: drop it without an 'error' event.
      this.streams.get(call.serial)?.discard();
      call.reject(error === null ? new ConnectionClosedError(`${call.procedure.name}: the connection was closed before the reply`) : new ConnectionLostError(`${call.procedure.name}: ${error.message}`, { cause: error }));
    }
    this.pending.clear();
    for (const queued of this.queue.splice(0)) {
      this.cleanup(queued);
      queued.reject(reason);
    }
    for (const stream of [...this.streams.values()]) stream.fail(reason);
    this.streams.clear();
    this.inFlight = 0;
    this.emit('close', error);
  }
}
