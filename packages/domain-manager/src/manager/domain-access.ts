import type { Domain, LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { isNoDomain, libvirtCall } from '../errors/libvirt-call.ts';
import { KeyedMutex } from '../lock/keyed-mutex.ts';
import type { OwnedDomain, OwnedDomains } from '../status/owned-domains.ts';

/** What every collaborator that works on a VMI's domain needs. */
export interface DomainOperationDependencies {
  readonly connection: LibvirtConnection;
  readonly access: DomainAccess;
}

/**
 * How every operation reaches a VMI's domain: found by name, serialized by the per-domain lock,
 * with libvirt's errors turned into the manager's. Shared by all the manager's collaborators.
 */
export class DomainAccess {
  readonly #connection: LibvirtConnection;
  readonly #owned: OwnedDomains;
  readonly #lock = new KeyedMutex();

  constructor(connection: LibvirtConnection, owned: OwnedDomains) {
    this.#connection = connection;
    this.#owned = owned;
  }

  /**
   * The VMI's domain: the owned one, else `namespace_name` or `name` (a VMI given without a
   * namespace is in `default`). Rejects with `DOMAIN_NOT_FOUND` when there is none.
   */
  async lookup(vmi: string): Promise<Domain> {
    const owned = this.#owned.get(vmi);
    const [namespace, name] = vmi.includes('/') ? vmi.split('/', 2) as [string, string] : ['default', vmi];
    const candidates = owned === undefined ? [`${namespace}_${name}`, name] : [owned.domainName];
    for (const candidate of candidates) {
      try {
        return await this.#connection.domainLookupByName(candidate);
      } catch (error) {
        if (!isNoDomain(error)) throw error;
      }
    }
    throw domainManagerError('DOMAIN_NOT_FOUND', `no domain is defined for VMI ${vmi}`, { vmi });
  }

  /** Runs `run`, naming `what` in the manager's error if libvirt fails it. */
  call<Result>(vmi: string, what: string, run: () => Promise<Result>): Promise<Result> {
    return libvirtCall(vmi, what, run);
  }

  /** Runs `work` under the VMI's lock: operations on one domain run one after another. */
  locked<Result>(vmi: string, work: () => Promise<Result>): Promise<Result> {
    return this.#lock.run(vmi, work);
  }

  /** Runs `work` under the domain's lock with the domain looked up (and owned from then on). */
  withDomain<Result>(vmi: string, what: string, work: (domain: Domain, owned: OwnedDomain) => Promise<Result>): Promise<Result> {
    return this.#lock.run(vmi, async () => {
      const domain = await this.lookup(vmi);
      return libvirtCall(vmi, what, () => work(domain, this.#owned.ownedFor(vmi, domain)));
    });
  }
}
