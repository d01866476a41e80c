import { DomainXmlFlags, type DomainEvent, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import type { AgentPresence } from '../agent/agent-presence.ts';
import { isNoDomain } from '../errors/libvirt-call.ts';
import type { DomainEventWaiters } from '../events/domain-event-waiters.ts';
import type { ArrivedDomain } from '../migration/live-migration.ts';
import { readStamp } from '../sync/fingerprint.ts';
import type { OwnedDomain, OwnedDomains } from './owned-domains.ts';
import type { StatusReporter } from './status-reporter.ts';

const AGENT_CONNECTED = 1;

export interface StatusTrackerDependencies {
  readonly connection: LibvirtConnection;
  readonly owned: OwnedDomains;
  readonly agentPresence: AgentPresence;
  readonly reporter: StatusReporter;
  /** Operations waiting for an event see every event first. */
  readonly waiters: DomainEventWaiters;
  /** Called with each event on an owned domain, before its status is refreshed. */
  readonly onDomainEvent: (vmi: string, event: DomainEvent) => void;
}

/**
 * Keeps what the manager owns, and each owned domain's status, in step with libvirt: domain
 * events as they come, a full resync (start, reconnect), and domains that arrived by migration.
 */
export class StatusTracker {
  readonly #dependencies: StatusTrackerDependencies;

  constructor(dependencies: StatusTrackerDependencies) {
    this.#dependencies = dependencies;
  }

  /** One libvirt domain event: waiters, ownership (UNDEFINED disowns), agent state, status. */
  handleEvent(event: DomainEvent): void {
    const { owned: ownedDomains, agentPresence, reporter, waiters, onDomainEvent } = this.#dependencies;
    waiters.deliver(event);
    const owned = ownedDomains.ownerOf(event.domain.name);
    if (owned === undefined) return;
    onDomainEvent(owned.vmi, event);
    if (event.kind === 'lifecycle') {
      if (event.eventName === 'UNDEFINED') {
        ownedDomains.disown(owned);
        return;
      }
      if (event.eventName === 'STARTED') owned.everStarted = true;
      if (event.eventName === 'STOPPED') agentPresence.update(owned, false);
    }
    if (event.kind === 'agentLifecycle') agentPresence.update(owned, event.state === AGENT_CONNECTED);
    void reporter.refresh(owned).catch(() => undefined);
  }

  /**
   * Lists every domain, adopts those with kvmkit metadata and refreshes each owned domain's
   * status. A failed listing changes nothing; a domain is only dropped when libvirt says it
   * does not exist (NO_DOMAIN), never because a listing was partial.
   */
  async resync(): Promise<void> {
    const { connection, owned: ownedDomains, agentPresence, reporter } = this.#dependencies;
    const domains = await connection.connectListAllDomains();
    const listed = new Set(domains.map((domain) => domain.name));
    for (const domain of domains) {
      if (ownedDomains.hasDomainName(domain.name)) continue;
      let xml: string;
      try {
        xml = await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE);
      } catch {
        continue;
      }
      const stamp = readStamp(xml);
      if (stamp.vmi === undefined) continue;
      const owned = ownedDomains.own(`${stamp.vmi.namespace}/${stamp.vmi.name}`, domain, stamp.createdAt);
      if (domain.id > 0) await agentPresence.learn(owned, domain).catch(() => undefined);
    }
    for (const owned of ownedDomains.all()) {
      if (!listed.has(owned.domainName)) {
        try {
          await connection.domainLookupByName(owned.domainName);
        } catch (error) {
          if (isNoDomain(error)) ownedDomains.disown(owned);
          continue;
        }
      }
      await reporter.refresh(owned).catch(() => undefined);
    }
  }

  /** Owns a domain that arrived by migration: it runs, and its agent state came with it. */
  adoptArrived(vmi: string, arrived: ArrivedDomain): OwnedDomain {
    const owned = this.#dependencies.owned.own(vmi, arrived.domain, arrived.createdAt);
    owned.everStarted = true;
    this.#dependencies.agentPresence.update(owned, arrived.agentConnected);
    return owned;
  }
}
