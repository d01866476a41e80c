import { describe, expect, it } from 'vitest';
import type { Domain } from '@kvmkit/libvirt-rpc';
import { OwnedDomains, type RemovedDomain } from './owned-domains.ts';

function domain(name: string, id = -1): Domain {
  return { name, uuid: Buffer.from('00112233445566778899aabbccddeeff', 'hex'), id };
}

describe('OwnedDomains', () => {
  it('owns a domain by VMI and by libvirt name, started when it has an id', () => {
    const owned = new OwnedDomains(() => undefined);
    const running = owned.own('default/vm', domain('default_vm', 7), '2026-12-07T22:00:00.000Z');
    expect(running).toEqual({ vmi: 'default/vm', domainName: 'default_vm', uuid: '00112233445566778899aabbccddeeff', everStarted: true, userPaused: false, agentConnected: false, createdAt: '2026-12-07T22:00:00.000Z' });
    expect(owned.get('default/vm')).toBe(running);
    expect(owned.ownerOf('default_vm')).toBe(running);
    expect(owned.hasDomainName('default_vm')).toBe(true);
    expect(owned.own('other/vm', domain('other_vm')).everStarted).toBe(false);
  });

  it('keeps what it knows when the same domain is owned again', () => {
    const owned = new OwnedDomains(() => undefined);
    const first = owned.own('default/vm', domain('default_vm'));
    first.userPaused = true;
    expect(owned.own('default/vm', domain('default_vm'))).toBe(first);
    expect(owned.ownedFor('default/vm', domain('default_vm'))).toBe(first);
  });

  it('owns a domain it did not know when an operation finds it by name', () => {
    const owned = new OwnedDomains(() => undefined);
    expect(owned.has('default/vm')).toBe(false);
    const found = owned.ownedFor('default/vm', domain('default_vm'));
    expect(owned.get('default/vm')).toBe(found);
  });

  it('disowns: forgets both keys, cancels the auto-thaw and reports the removal', async () => {
    const removals: RemovedDomain[] = [];
    const owned = new OwnedDomains((removed) => { removals.push(removed); });
    const vm = owned.own('default/vm', domain('default_vm', 3));
    let thawed = false;
    vm.freezeTimer = setTimeout(() => { thawed = true; }, 5);
    owned.disown(vm);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(thawed).toBe(false);
    expect(removals).toEqual([{ vmi: 'default/vm', domainName: 'default_vm' }]);
    expect(owned.get('default/vm')).toBeUndefined();
    expect(owned.ownerOf('default_vm')).toBeUndefined();
    expect(owned.hasDomainName('default_vm')).toBe(false);
    expect(owned.all()).toEqual([]);
  });

  it('stops background work without disowning', async () => {
    const owned = new OwnedDomains(() => undefined);
    const vm = owned.own('default/vm', domain('default_vm', 3));
    let thawed = false;
    vm.freezeTimer = setTimeout(() => { thawed = true; }, 5);
    owned.stopBackgroundWork();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(thawed).toBe(false);
    expect(owned.all()).toEqual([vm]);
  });
});
