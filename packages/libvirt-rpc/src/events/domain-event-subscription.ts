import { EventEmitter } from 'node:events';
import type { Domain } from '../protocol/remote-types.ts';
import type { DomainEvent, DomainEventKind } from './domain-event-types.ts';

interface SubscriptionEvents<Kind extends DomainEventKind> {
  event: [DomainEvent<Kind>];
  /** The subscription ended: closed by the caller, or its connection is gone for good. */
  end: [Error | null];
}

/**
 * One registered domain event callback. Listen with `on('event', …)` or iterate with
 * `for await (const event of subscription)`; `close()` deregisters it on the daemon.
 */
export class DomainEventSubscription<Kind extends DomainEventKind = DomainEventKind> extends EventEmitter<SubscriptionEvents<Kind>> implements AsyncIterable<DomainEvent<Kind>> {
  /** The daemon's callback ID; changes when the connection re-registers after a reconnect. */
  callbackId: number;
  private ended = false;

  constructor(
    readonly kind: Kind,
    /** The domain it is limited to, or null for all domains. */
    readonly domain: Domain | null,
    callbackId: number,
    private readonly deregister: (callbackId: number) => Promise<void>,
  ) {
    super();
    this.callbackId = callbackId;
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Delivers one event (called by the connection). */
  deliver(event: DomainEvent<Kind>): void {
    if (!this.ended) this.emit('event', event);
  }

  /** Ends delivery (called by the connection, or through `close()`). */
  finish(error: Error | null): void {
    if (this.ended) return;
    this.ended = true;
    this.emit('end', error);
  }

  /** Deregisters the callback on the daemon and ends iteration. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.finish(null);
    await this.deregister(this.callbackId);
  }

  /** Events in arrival order; buffered while the consumer is busy. Ends when the subscription ends. */
  [Symbol.asyncIterator](): AsyncIterator<DomainEvent<Kind>> {
    const buffered: DomainEvent<Kind>[] = [];
    const waiting: { resolve: (result: IteratorResult<DomainEvent<Kind>>) => void; reject: (error: Error) => void }[] = [];
    let failure: Error | null = null;
    let done = this.ended;
    const onEvent = (event: DomainEvent<Kind>): void => {
      const waiter = waiting.shift();
      if (waiter === undefined) buffered.push(event);
      else waiter.resolve({ value: event, done: false });
    };
    const onEnd = (error: Error | null): void => {
      done = true;
      failure = error;
      for (const waiter of waiting.splice(0)) {
        if (error === null) waiter.resolve({ value: undefined, done: true });
        else waiter.reject(error);
      }
      detach();
    };
    const detach = (): void => {
      this.off('event', onEvent);
      this.off('end', onEnd);
    };
    this.on('event', onEvent);
    this.on('end', onEnd);
    return {
      next: () => {
        const value = buffered.shift();
        if (value !== undefined) return Promise.resolve({ value, done: false });
        if (failure !== null) return Promise.reject(failure);
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => { waiting.push({ resolve, reject }); });
      },
      return: () => {
        detach();
        done = true;
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
