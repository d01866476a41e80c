import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type LibvirtConnection } from '../connection/libvirt-connection.ts';
import type { DomainEvent } from '../events/domain-event-types.ts';
import { testDriverDomainXml } from './test-domain-xml.ts';

let daemon: PrivateLibvirtd;
let connection: LibvirtConnection;

beforeAll(async () => {
  daemon = await startLibvirtd();
  connection = await connect(daemon.testDriverUri);
}, 60_000);

afterAll(async () => {
  await connection.close();
  await daemon.stop();
});

describe('domain events', () => {
  it('delivers typed lifecycle events with symbolic names for define/start/suspend/resume/destroy/undefine', async () => {
    const subscription = await connection.subscribeDomainEvents('lifecycle');
    const fromEmitter: string[] = [];
    subscription.on('event', (event) => fromEmitter.push(`${event.eventName}/${event.detailName}`));
    // Iteration sees the events from the moment it starts, so start it before acting.
    const seen: string[] = [];
    const iteration = (async () => {
      for await (const event of subscription) {
        expect(event.kind).toBe('lifecycle');
        expect(event.domain.name).toBe('events-1');
        seen.push(`${event.eventName}/${event.detailName}`);
        if (seen.length === 6) break;
      }
    })();
    const domain = await connection.domainDefineXml(testDriverDomainXml('events-1'));
    await connection.domainCreate(domain);
    await connection.domainSuspend(domain);
    await connection.domainResume(domain);
    await connection.domainDestroy(domain);
    await connection.domainUndefine(domain);

    await iteration;
    expect(seen).toEqual(['DEFINED/ADDED', 'STARTED/BOOTED', 'SUSPENDED/PAUSED', 'RESUMED/UNPAUSED', 'STOPPED/DESTROYED', 'UNDEFINED/REMOVED']);
    expect(fromEmitter).toEqual(seen);
    await subscription.close();
    expect(subscription.closed).toBe(true);
  });

  it('filters by domain and by event kind', async () => {
    const watched = await connection.domainDefineXml(testDriverDomainXml('events-watched'));
    const other = await connection.domainDefineXml(testDriverDomainXml('events-other'));
    const perDomain = await connection.subscribeDomainEvents('lifecycle', { domain: watched });
    const reboots = await connection.subscribeDomainEvents('reboot');
    const all: DomainEvent[] = [];
    const onAny = (event: DomainEvent): void => { all.push(event); };
    connection.on('domainEvent', onAny);
    const forWatched: string[] = [];
    perDomain.on('event', (event) => forWatched.push(`${event.domain.name}:${event.eventName}`));
    const rebooted: string[] = [];
    reboots.on('event', (event) => rebooted.push(event.domain.name));

    await connection.domainCreate(other);
    await connection.domainCreate(watched);
    await connection.domainReboot(watched);
    await connection.domainDestroy(other);
    await connection.domainDestroy(watched);
    await expect.poll(() => forWatched.length).toBe(2);
    expect(forWatched).toEqual(['events-watched:STARTED', 'events-watched:STOPPED']);
    // The test driver raises no reboot events: the reboot-only subscription saw none of the lifecycle ones.
    expect(rebooted).toEqual([]);
    expect(all.map((event) => `${event.kind}:${event.domain.name}`)).toEqual(['lifecycle:events-watched', 'lifecycle:events-watched']);

    connection.off('domainEvent', onAny);
    await perDomain.close();
    await reboots.close();
    // After close the daemon stops sending: a later start reaches nobody.
    await connection.domainCreate(watched);
    await connection.domainDestroy(watched);
    await connection.domainUndefine(watched);
    await connection.domainUndefine(other);
    expect(forWatched.length).toBe(2);
  });

  it('ends async iteration when the connection closes', async () => {
    const second = await connect(daemon.testDriverUri);
    const subscription = await second.subscribeDomainEvents('lifecycle');
    const iteration = (async () => {
      let count = 0;
      for await (const _event of subscription) count++;
      return count;
    })();
    await second.close();
    expect(await iteration).toBe(0);
    expect(subscription.closed).toBe(true);
  });
});

describe('pipelined calls on one socket', () => {
  it('answers many concurrent calls correctly with at most 4 in flight', async () => {
    const names = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? 'test' : 'missing'));
    const calls = names.map((name) => connection.domainLookupByName(name).then((found) => found.name, (error: unknown) => (error as { codeName: string }).codeName));
    expect(connection.callsInFlight).toBe(4);
    expect(connection.callsQueued).toBe(36);
    expect(await Promise.all(calls)).toEqual(names.map((name) => (name === 'test' ? 'test' : 'NO_DOMAIN')));
  });
});
