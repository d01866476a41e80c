import { describe, expect, it } from 'vitest';
import { nameState } from './domain-phase.ts';
import { domainStatusOf, sameStatus } from './domain-status.ts';
import type { OwnedDomain } from './owned-domains.ts';

const owned: OwnedDomain = {
  vmi: 'default/vm', domainName: 'default_vm', uuid: '00112233445566778899aabbccddeeff',
  everStarted: true, userPaused: false, agentConnected: true, createdAt: '2026-12-07T22:00:00.000Z',
};

describe('domainStatusOf', () => {
  it('reports a running domain as Running and Ready, with its agent, dashed UUID and age', () => {
    expect(domainStatusOf(owned, nameState(1, 1))).toEqual({
      vmi: 'default/vm', domainName: 'default_vm', uuid: '00112233-4455-6677-8899-aabbccddeeff', phase: 'Running', state: 'running', reason: 'booted',
      conditions: [{ type: 'AgentConnected', status: 'True' }, { type: 'Ready', status: 'True' }],
      createdAt: '2026-12-07T22:00:00.000Z',
    });
  });

  it('reports a user pause as Paused and not Ready', () => {
    expect(domainStatusOf({ ...owned, agentConnected: false }, nameState(3, 1)).conditions).toEqual([
      { type: 'Paused', status: 'True', reason: 'PausedUser', message: 'paused by user' },
      { type: 'AgentConnected', status: 'False' },
      { type: 'Ready', status: 'False', reason: 'DomainPaused' },
    ]);
  });

  it('reports a crashed domain as Failed with the reason, and no agent condition once it is off', () => {
    const status = domainStatusOf(owned, nameState(5, 3));
    expect(status.phase).toBe('Failed');
    expect(status.conditions).toEqual([
      { type: 'Ready', status: 'False', reason: 'DomainShutoff' },
      { type: 'Failure', status: 'True', reason: 'crashed', message: 'domain shutoff (crashed)' },
    ]);
  });

  it('leaves createdAt out for a domain defined before it was stamped', () => {
    const { createdAt: _createdAt, ...unstamped } = owned;
    expect(domainStatusOf(unstamped, nameState(1, 1))).not.toHaveProperty('createdAt');
  });
});

describe('sameStatus', () => {
  it('is true only when phase, state, reason and conditions all match', () => {
    const running = domainStatusOf(owned, nameState(1, 1));
    expect(sameStatus(undefined, running)).toBe(false);
    expect(sameStatus(running, domainStatusOf(owned, nameState(1, 1)))).toBe(true);
    expect(sameStatus(running, domainStatusOf({ ...owned, agentConnected: false }, nameState(1, 1)))).toBe(false);
    expect(sameStatus(running, domainStatusOf(owned, nameState(1, 5)))).toBe(false);
  });
});
