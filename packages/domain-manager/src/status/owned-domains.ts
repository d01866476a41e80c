import type { DomainStatus } from '@kvmkit/core';
import type { Domain } from '@kvmkit/libvirt-rpc';
import type { AgentInfoPoller } from '../agent/agent-info-poller.ts';

/** What the manager remembers about a domain it owns. */
export interface OwnedDomain {
  vmi: string;
  domainName: string;
  /** libvirt's UUID in hex; the status shows the dashed form. */
  uuid: string;
  everStarted: boolean;
  userPaused: boolean;
  agentConnected: boolean;
  /** From the kvmkit metadata stamp; absent for domains defined before the manager stamped it. */
  createdAt?: string;
  poller?: AgentInfoPoller;
  freezeTimer?: NodeJS.Timeout;
  /** The status last emitted, so an unchanged one is not emitted again. */
  last?: DomainStatus;
}

/** A domain the manager stopped owning (it was undefined), as the `removed` event reports it. */
export interface RemovedDomain {
  vmi: string;
  domainName: string;
}

/**
 * The domains the manager owns, by VMI (`namespace/name`) and by libvirt domain name. Owning
 * starts on sync, adoption or migration; it ends only when libvirt says the domain is gone.
 */
export class OwnedDomains {
  readonly #byVmi = new Map<string, OwnedDomain>();
  readonly #vmiByDomainName = new Map<string, string>();
  readonly #onRemoved: (removed: RemovedDomain) => void;

  constructor(onRemoved: (removed: RemovedDomain) => void) {
    this.#onRemoved = onRemoved;
  }

  get(vmi: string): OwnedDomain | undefined {
    return this.#byVmi.get(vmi);
  }

  has(vmi: string): boolean {
    return this.#byVmi.has(vmi);
  }

  /** Whether a domain of that libvirt name was ever owned and not disowned. */
  hasDomainName(domainName: string): boolean {
    return this.#vmiByDomainName.has(domainName);
  }

  /** The owned domain behind a libvirt domain name, e.g. the one an event is about. */
  ownerOf(domainName: string): OwnedDomain | undefined {
    const vmi = this.#vmiByDomainName.get(domainName);
    return vmi === undefined ? undefined : this.#byVmi.get(vmi);
  }

  /** A snapshot: owning may change while the caller awaits. */
  all(): OwnedDomain[] {
    return [...this.#byVmi.values()];
  }

  /** Owns `domain` for `vmi`, or returns what is owned already when it is the same domain. */
  own(vmi: string, domain: Domain, createdAt?: string): OwnedDomain {
    const existing = this.#byVmi.get(vmi);
    if (existing !== undefined && existing.domainName === domain.name) return existing;
    const owned: OwnedDomain = { vmi, domainName: domain.name, uuid: Buffer.from(domain.uuid).toString('hex'), everStarted: domain.id > 0, userPaused: false, agentConnected: false, ...(createdAt === undefined ? {} : { createdAt }) };
    this.#byVmi.set(vmi, owned);
    this.#vmiByDomainName.set(domain.name, vmi);
    return owned;
  }

  /** What is owned for `vmi`, else `domain` owned from now on (found by name, not synced here). */
  ownedFor(vmi: string, domain: Domain): OwnedDomain {
    return this.#byVmi.get(vmi) ?? this.own(vmi, domain);
  }

  /** Forgets the domain, stops its poller and auto-thaw timer, and reports it removed. */
  disown(owned: OwnedDomain): void {
    stopBackgroundWork(owned);
    this.#byVmi.delete(owned.vmi);
    this.#vmiByDomainName.delete(owned.domainName);
    this.#onRemoved({ vmi: owned.vmi, domainName: owned.domainName });
  }

  /** Stops every poller and timer; the domains stay owned. */
  stopBackgroundWork(): void {
    for (const owned of this.#byVmi.values()) stopBackgroundWork(owned);
  }
}

function stopBackgroundWork(owned: OwnedDomain): void {
  owned.poller?.stop();
  clearTimeout(owned.freezeTimer);
}
