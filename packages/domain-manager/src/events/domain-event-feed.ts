import type { DomainEvent, DomainEventKind, DomainEventSubscription, LibvirtConnection } from '@kvmkit/libvirt-rpc';

/** The events the manager turns into status. */
const WATCHED_EVENTS = [
  'lifecycle', 'reboot', 'deviceAdded', 'deviceRemoved', 'agentLifecycle', 'jobCompleted', 'memoryDeviceSizeChange',
  'ioErrorReason', 'watchdog', 'controlError',
] as const satisfies readonly DomainEventKind[];

/** The manager's subscriptions to libvirt's domain events, one per watched kind. */
export class DomainEventFeed {
  readonly #connection: LibvirtConnection;
  readonly #subscriptions: DomainEventSubscription[] = [];

  constructor(connection: LibvirtConnection) {
    this.#connection = connection;
  }

  /** Subscribes to every watched kind; each event goes to `onEvent`. */
  async subscribe(onEvent: (event: DomainEvent) => void): Promise<void> {
    for (const kind of WATCHED_EVENTS) {
      const subscription = await this.#connection.subscribeDomainEvents(kind);
      subscription.on('event', (event: DomainEvent) => { onEvent(event); });
      this.#subscriptions.push(subscription);
    }
  }

  /** Deregisters every subscription; a failing close does not keep the others open. */
  async close(): Promise<void> {
    await Promise.allSettled(this.#subscriptions.splice(0).map((subscription) => subscription.close()));
  }
}
