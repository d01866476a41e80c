import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@kvmkit/libvirt-rpc';
import { DomainEventWaiters } from './domain-event-waiters.ts';

function removed(domainName: string, devAlias: string): DomainEvent {
  return { kind: 'deviceRemoved', domain: { name: domainName, uuid: Buffer.alloc(16), id: 1 }, devAlias };
}

/** Whether `promise` has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => { done = true; }, () => { done = true; });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

const isDiskRemoved = (event: DomainEvent): boolean => event.kind === 'deviceRemoved' && event.devAlias === 'ua-disk';

describe('DomainEventWaiters', () => {
  it('resolves with the first event the match accepts and ignores the others', async () => {
    const waiters = new DomainEventWaiters();
    const waiting = waiters.waitFor(isDiskRemoved, 60_000, 'detach of disk', 'default/vm');
    waiters.deliver(removed('default_vm', 'ua-other'));
    expect(await settled(waiting.promise)).toBe(false);
    const event = removed('default_vm', 'ua-disk');
    waiters.deliver(event);
    await expect(waiting.promise).resolves.toBe(event);
  });

  it('hands one event to every waiter that matches it', async () => {
    const waiters = new DomainEventWaiters();
    const first = waiters.waitFor(isDiskRemoved, 60_000, 'detach of disk', 'default/vm');
    const second = waiters.waitFor(isDiskRemoved, 60_000, 'detach of disk', 'default/vm');
    const event = removed('default_vm', 'ua-disk');
    waiters.deliver(event);
    await expect(Promise.all([first.promise, second.promise])).resolves.toEqual([event, event]);
  });

  it('rejects with OPERATION_TIMEOUT naming the operation and the VMI when no event comes', async () => {
    const waiters = new DomainEventWaiters();
    const waiting = waiters.waitFor(isDiskRemoved, 5, 'detach of disk', 'default/vm');
    await expect(waiting.promise).rejects.toMatchObject({ code: 'OPERATION_TIMEOUT', message: 'detach of disk for default/vm did not complete within 5 ms', details: { vmi: 'default/vm' } });
  });

  it('forgets a cancelled waiter: neither an event nor its timeout settles it', async () => {
    const waiters = new DomainEventWaiters();
    const waiting = waiters.waitFor(isDiskRemoved, 5, 'detach of disk', 'default/vm');
    waiting.cancel();
    waiters.deliver(removed('default_vm', 'ua-disk'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await settled(waiting.promise)).toBe(false);
  });
});
