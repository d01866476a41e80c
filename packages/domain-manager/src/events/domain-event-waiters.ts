import type { DomainEvent } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';

/**
 * The manager's event waiter: resolves with the first event `match` accepts, or rejects with
 * `OPERATION_TIMEOUT` naming `what` after `timeoutMs`; `cancel` drops it.
 */
export type EventWaiter = (
  match: (event: DomainEvent) => boolean, timeoutMs: number, what: string, vmi: string,
) => { promise: Promise<DomainEvent>; cancel: () => void };

/**
 * Operations that finish with a libvirt event (a device removed, a job completed, a memory
 * device resized) wait here; every domain event is `deliver`ed, owned domain or not.
 */
export class DomainEventWaiters {
  readonly #waiters = new Set<(event: DomainEvent) => boolean>();

  /** Hands `event` to every waiter; a waiter whose match accepts it is done. */
  deliver(event: DomainEvent): void {
    for (const waiter of [...this.#waiters]) if (waiter(event)) this.#waiters.delete(waiter);
  }

  /** Start waiting before the request that causes the event: it can arrive before the call returns. */
  readonly waitFor: EventWaiter = (match, timeoutMs, what, vmi) => {
    let waiter: ((event: DomainEvent) => boolean) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const promise = new Promise<DomainEvent>((resolve, reject) => {
      waiter = (event) => {
        if (!match(event)) return false;
        clearTimeout(timer);
        resolve(event);
        return true;
      };
      this.#waiters.add(waiter);
      timer = setTimeout(() => {
        if (waiter !== undefined) this.#waiters.delete(waiter);
        reject(domainManagerError('OPERATION_TIMEOUT', `${what} for ${vmi} did not complete within ${timeoutMs} ms`, { vmi }));
      }, timeoutMs);
    });
    return { promise, cancel: () => { clearTimeout(timer); if (waiter !== undefined) this.#waiters.delete(waiter); } };
  };
}
