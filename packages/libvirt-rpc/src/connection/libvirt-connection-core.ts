import { EventEmitter } from 'node:events';
import { AuthenticationUnsupportedError, ConnectionLostError } from '../errors/connection-errors.ts';
import { decodeDomainEvent, domainEventKindForProcedure, DOMAIN_EVENTS, type DomainEvent, type DomainEventKind } from '../events/domain-event-types.ts';
import { DomainEventSubscription } from '../events/domain-event-subscription.ts';
import { Program } from '../protocol/constants.ts';
import type { Packet } from '../protocol/packet.ts';
import type { Procedure } from '../protocol/procedure.ts';
import type { Domain } from '../protocol/remote-types.ts';
import {
  AUTH_LIST, AUTH_POLKIT, AuthType, CONNECT_CLOSE, CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
  CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, CONNECT_OPEN, CONNECT_SUPPORTS_FEATURE, DriverFeature,
} from '../protocol/session-procedures.ts';
import type { LibvirtStream } from '../rpc/libvirt-stream.ts';
import { RpcSession, type CallOptions } from '../rpc/rpc-session.ts';
import { XdrReader, type XdrType } from '../xdr/index.ts';
import { resolveUri, type ResolvedUri } from './connection-uri.ts';
import { openTransport, type TlsCredentials } from './transport.ts';

export interface KeepaliveOptions {
  /** Ping after this much silence. Default 5000 ms, like libvirt. */
  intervalMs?: number;
  /** Unanswered pings before the connection is declared dead. Default 5. */
  maxMisses?: number;
}

export interface ReconnectOptions {
  /** First retry delay; doubles each attempt. Default 100 ms. */
  initialDelayMs?: number;
  /** Cap of the delay. Default 5000 ms. */
  maxDelayMs?: number;
  /** Give up after this many attempts in a row. Default: never. */
  maxAttempts?: number;
}

export interface ConnectOptions {
  /** Use this unix socket instead of the one the URI selects. */
  socketPath?: string;
  /** Open read-only (`-ro` socket, `VIR_CONNECT_RO`). */
  readOnly?: boolean;
  /** Calls on the wire at once per connection; the rest queue. Default 4. */
  maxInFlight?: number;
  /** Default timeout of every call; 0 = none (the default). */
  callTimeoutMs?: number;
  /** Timeout of the socket connect plus the open sequence. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Keepalive (default on); `false` turns it off. */
  keepalive?: KeepaliveOptions | false;
  /** Reconnect automatically when the connection dies (default off). */
  reconnect?: ReconnectOptions | boolean;
  /** PEM material for `+tls` URIs; missing parts come from libvirt's usual files or `?pkipath=`. */
  tls?: TlsCredentials;
}

interface ConnectionEvents {
  /** Every domain event of every subscription, after its own listeners. */
  domainEvent: [DomainEvent];
  /** The socket died; `reconnecting` tells whether a reconnect follows. */
  disconnected: [Error, { reconnecting: boolean }];
  /** A new socket is open and every subscription is registered again (with new callback IDs). */
  reconnected: [];
  /** The connection is closed for good. */
  closed: [Error | null];
}

/** What the connection needs of a subscription, whatever its event kind. */
interface RegisteredSubscription {
  readonly kind: DomainEventKind;
  readonly domain: Domain | null;
  callbackId: number;
  deliver(event: DomainEvent): void;
  finish(error: Error | null): void;
}

const DEFAULT_KEEPALIVE = { intervalMs: 5000, maxMisses: 5 };

async function openSession(resolved: ResolvedUri, options: ConnectOptions): Promise<RpcSession> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const transport = await openTransport(resolved.target, connectTimeoutMs, options.tls);
  const session = new RpcSession(transport, { maxInFlight: options.maxInFlight ?? 4, defaultTimeoutMs: options.callTimeoutMs ?? 0 });
  const setup = { timeoutMs: connectTimeoutMs };
  try {
    const { types } = await session.call(AUTH_LIST, undefined, setup);
    if (types.length > 0 && !types.includes(AuthType.NONE)) {
      if (types.includes(AuthType.POLKIT)) {
        const { complete } = await session.call(AUTH_POLKIT, undefined, setup);
        if (complete !== 1) throw new AuthenticationUnsupportedError('polkit authentication did not complete');
      } else if (types.includes(AuthType.SASL)) {
        throw new AuthenticationUnsupportedError(`libvirtd at ${resolved.daemonUri} requires SASL authentication, which this client does not implement; use a unix socket with polkit or no auth, or TLS client certificates with auth_tls = "none"`);
      } else {
        throw new AuthenticationUnsupportedError(`libvirtd offers only authentication types [${types.join(', ')}], none of which this client implements`);
      }
    }
    if (options.keepalive !== false) {
      // This probe is also what makes the daemon start pinging us (sheet 1.11).
      const { supported } = await session.call(CONNECT_SUPPORTS_FEATURE, { feature: DriverFeature.PROGRAM_KEEPALIVE }, setup);
      const keepalive = { ...DEFAULT_KEEPALIVE, ...options.keepalive };
      if (supported === 1) session.enableKeepalive(keepalive.intervalMs, keepalive.maxMisses);
    }
    await session.call(CONNECT_OPEN, { name: resolved.daemonUri, flags: options.readOnly === true ? 1 : 0 }, setup);
    return session;
  } catch (error) {
    session.close();
    throw error;
  }
}

/**
 * A connection to libvirtd: the open sequence, calls, event subscriptions and optional reconnect.
 * The typed API methods are added by `LibvirtConnection`.
 */
export class LibvirtConnectionCore extends EventEmitter<ConnectionEvents> {
  private session: RpcSession;
  private readonly subscriptions = new Set<RegisteredSubscription>();
  private readonly byCallbackId = new Map<number, RegisteredSubscription>();
  private closing = false;
  private reconnecting: Promise<void> | null = null;

  protected constructor(
    readonly uri: string,
    private readonly resolved: ResolvedUri,
    private readonly options: ConnectOptions,
    session: RpcSession,
  ) {
    super();
    this.session = session;
    this.attach(session);
  }

  /** Resolves the URI, opens the socket and runs AUTH_LIST, polkit, the keepalive probe and CONNECT_OPEN. */
  protected static async openCore(uri: string, options: ConnectOptions): Promise<{ resolved: ResolvedUri; session: RpcSession }> {
    const resolved = resolveUri(uri, options);
    return { resolved, session: await openSession(resolved, options) };
  }

  /** The URI the daemon opened (transport and client parameters removed). */
  get daemonUri(): string {
    return this.resolved.daemonUri;
  }

  get closed(): boolean {
    return this.closing;
  }

  /** Calls on the wire right now (never more than `maxInFlight`). */
  get callsInFlight(): number {
    return this.session.callsInFlight;
  }

  /** Calls waiting for a free in-flight slot. */
  get callsQueued(): number {
    return this.session.callsQueued;
  }

  /** Calls one procedure. Rejects with LibvirtError, ConnectionLostError (retryable), CallTimeoutError or CallAbortedError. */
  call<Args, Ret>(procedure: Procedure<Args, Ret>, args: Args, options?: CallOptions): Promise<Ret> {
    return this.session.call(procedure, args, options);
  }

  /** Calls a procedure that carries a data stream. */
  callWithStream<Args, Ret>(procedure: Procedure<Args, Ret>, args: Args, options?: CallOptions): Promise<{ ret: Ret; stream: LibvirtStream }> {
    return this.session.callWithStream(procedure, args, options);
  }

  /**
   * Registers a callback for one domain event kind, for one domain or (without `domain`) all of them.
   * Survives reconnects: it is registered again on the new socket.
   */
  async subscribeDomainEvents<Kind extends DomainEventKind>(kind: Kind, filter: { domain?: Domain } = {}): Promise<DomainEventSubscription<Kind>> {
    const target = filter.domain ?? null;
    const { callbackID } = await this.call(CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, { eventID: DOMAIN_EVENTS[kind].id, dom: target });
    const subscription: DomainEventSubscription<Kind> = new DomainEventSubscription<Kind>(kind, target, callbackID, async (callbackId) => {
      this.subscriptions.delete(registered);
      this.byCallbackId.delete(callbackId);
      if (!this.session.closed) await this.call(CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, { callbackID: callbackId });
    });
    // Events are routed by callback ID, so a subscription only ever receives its own kind.
    const registered = subscription as unknown as RegisteredSubscription;
    this.subscriptions.add(registered);
    this.byCallbackId.set(callbackID, registered);
    return subscription;
  }

  /** CONNECT_CLOSE, then closes the socket. Subscriptions end; pending calls fail with ConnectionClosedError. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (!this.session.closed) {
      try {
        await this.session.call(CONNECT_CLOSE, undefined, { timeoutMs: 2000 });
      } catch {
        // The socket is closed below either way.
      }
    }
    this.session.close();
    this.endSubscriptions(null);
    this.emit('closed', null);
  }

  private attach(session: RpcSession): void {
    session.on('event', (packet) => { this.dispatchEvent(packet); });
    session.on('close', (error) => { this.onSessionClosed(error); });
  }

  private dispatchEvent(packet: Packet): void {
    if (packet.header.program !== Program.REMOTE) return;
    const kind = domainEventKindForProcedure(packet.header.procedure);
    if (kind === undefined) return;
    const reader = new XdrReader(packet.payload);
    let decoded: ReturnType<typeof decodeDomainEvent>;
    try {
      decoded = decodeDomainEvent(kind, <T>(type: XdrType<T>) => type.decode(reader));
    } catch {
      return; // A malformed event must not take the connection down.
    }
    const subscription = this.byCallbackId.get(decoded.callbackId);
    if (subscription === undefined) return;
    subscription.deliver(decoded.event);
    this.emit('domainEvent', decoded.event);
  }

  private onSessionClosed(error: Error | null): void {
    if (this.closing || error === null) return;
    const reconnect = this.options.reconnect;
    const willReconnect = reconnect !== undefined && reconnect !== false;
    this.emit('disconnected', error, { reconnecting: willReconnect });
    if (!willReconnect) {
      this.closing = true;
      this.endSubscriptions(error);
      this.emit('closed', error);
      return;
    }
    this.reconnecting ??= this.reconnectLoop(reconnect === true ? {} : reconnect).finally(() => { this.reconnecting = null; });
  }

  // A method, not the field, so the compiler does not assume it is unchanged across awaits.
  private isClosing(): boolean {
    return this.closing;
  }

  private async reconnectLoop(settings: ReconnectOptions): Promise<void> {
    let delay = settings.initialDelayMs ?? 100;
    const maxDelay = settings.maxDelayMs ?? 5000;
    for (let attempt = 1; !this.closing; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.isClosing()) return;
      try {
        const session = await openSession(this.resolved, this.options);
        if (this.isClosing()) {
          session.close();
          return;
        }
        this.session = session;
        this.attach(session);
        await this.reregister();
        this.emit('reconnected');
        return;
      } catch (error) {
        if (settings.maxAttempts !== undefined && attempt >= settings.maxAttempts) {
          const failure = new ConnectionLostError(`could not reconnect to libvirtd after ${attempt} attempts: ${(error as Error).message}`, { cause: error });
          this.closing = true;
          this.endSubscriptions(failure);
          this.emit('closed', failure);
          return;
        }
        delay = Math.min(delay * 2, maxDelay);
      }
    }
  }

  private async reregister(): Promise<void> {
    this.byCallbackId.clear();
    for (const subscription of this.subscriptions) {
      const { callbackID } = await this.call(CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, { eventID: DOMAIN_EVENTS[subscription.kind].id, dom: subscription.domain });
      subscription.callbackId = callbackID;
      this.byCallbackId.set(callbackID, subscription);
    }
  }

  private endSubscriptions(error: Error | null): void {
    for (const subscription of this.subscriptions) subscription.finish(error);
    this.subscriptions.clear();
    this.byCallbackId.clear();
  }
}
