import type { DomainStatus } from '@kvmkit/core';
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { isNoDomain } from '../errors/libvirt-call.ts';
import { nameState } from './domain-phase.ts';
import { domainStatusOf, sameStatus } from './domain-status.ts';
import type { OwnedDomain, OwnedDomains } from './owned-domains.ts';

export interface StatusReporterDependencies {
  readonly connection: LibvirtConnection;
  readonly owned: OwnedDomains;
  /** Called with each status that differs from the domain's last one. */
  readonly onStatus: (status: DomainStatus) => void;
}

/** Reads owned domains' state from libvirt and reports their statuses when they change. */
export class StatusReporter {
  readonly #dependencies: StatusReporterDependencies;

  constructor(dependencies: StatusReporterDependencies) {
    this.#dependencies = dependencies;
  }

  /** The domain's current status; reported when it changed. */
  async refresh(owned: OwnedDomain): Promise<DomainStatus> {
    const { connection, onStatus } = this.#dependencies;
    const domain = await connection.domainLookupByName(owned.domainName);
    const raw = await connection.domainGetState(domain);
    const named = nameState(raw.state, raw.reason);
    if (named.state === 'running' || named.state === 'paused') owned.everStarted = true;
    const status = domainStatusOf(owned, named);
    if (!sameStatus(owned.last, status)) {
      owned.last = status;
      onStatus(status);
    }
    return status;
  }

  /** Every owned domain's status; a domain libvirt no longer has is left out. */
  async list(): Promise<DomainStatus[]> {
    const statuses: DomainStatus[] = [];
    for (const owned of this.#dependencies.owned.all()) {
      try {
        statuses.push(await this.refresh(owned));
      } catch (error) {
        if (!isNoDomain(error)) throw error;
      }
    }
    return statuses;
  }
}
