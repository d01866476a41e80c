import { KvmkitError, vmiIdentity, type MigrationOptions, type MigrationProgress, type SyncRequest } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { formatDomainXml, parseDomainXml } from '@kvmkit/domain-xml';
import { DomainXmlFlags, ErrorCode, JobType, LibvirtError, uuidToString, type Domain } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { hostOperationsFor } from '../host/host-operations-for.ts';
import { nameState, type NamedState } from '../status/domain-phase.ts';
import type { ConversionDependencies } from '../sync/conversion-dependencies.ts';
import { readStamp, stampDomain } from '../sync/fingerprint.ts';
import { prepareVmi } from '../sync/prepare-vmi.ts';
import { releaseVmi } from '../sync/release-vmi.ts';
import { migrationError } from './migration-errors.ts';
import { migrationCall } from './migration-parameters.ts';
import { migrationProgressOf } from './migration-progress.ts';
import { agentChannelConnected } from '../status/agent-channel.ts';

const JOB_STATS_COMPLETED = 1;

/** What the migration helper needs from the manager it works for. */
export interface LiveMigrationDependencies extends ConversionDependencies {
  /** The VMI's domain on this connection; rejects with `DOMAIN_NOT_FOUND` when there is none. */
  readonly lookup: (vmi: string) => Promise<Domain>;
  /**
   * Hears that the plugins' `release` on the source failed after a successful migration (the
   * migration itself succeeded). Default: a process warning (`KvmkitMigrationWarning`).
   */
  readonly onSourceReleaseFailed?: (vmi: string, error: Error) => void;
}

function warnSourceReleaseFailed(_vmi: string, error: Error): void {
  process.emitWarning(error.message, { type: 'KvmkitMigrationWarning', code: 'HOST_OPERATION_FAILED' });
}

/** A domain that arrived by migration, as the target manager adopts it. */
export interface ArrivedDomain {
  domain: Domain;
  agentConnected: boolean;
  createdAt?: string;
}

/** An outgoing migration this helper started and has not seen end. */
interface OutgoingMigration {
  cancelled: boolean;
}

/**
 * Peer-to-peer live migration as virt-launcher does it. On the target, `prepareIncoming` runs the
 * VMI's host preparation and converts the VMI for this host (its own state-dir paths), keeping
 * that domain XML for the source to send. On the source, `migrate` hands the whole migration to
 * the source libvirtd (live, peer-to-peer, persisted on the target, undefined on the source
 * once it arrived), then runs the plugins' `release` for the VMI as it was synced here (what its
 * prepare left on this host: port forwards, address reservations); `progress` reads libvirt's
 * job statistics, `cancel` aborts the job. On the target again, `confirmArrived` checks that the
 * domain is there and running.
 */
export class LiveMigration {
  readonly #dependencies: LiveMigrationDependencies;
  readonly #incoming = new Map<string, string>();
  readonly #outgoing = new Map<string, OutgoingMigration>();

  constructor(dependencies: LiveMigrationDependencies) {
    this.#dependencies = dependencies;
  }

  /** Target side: prepares the VMI's volumes and keeps its domain for this host; returns that XML. */
  async prepareIncoming(request: SyncRequest): Promise<string> {
    const { connection, converter, contextProvider, hostOperations } = this.#dependencies;
    const vmi = vmiIdentity(request.vmi);
    const context = await contextProvider();
    // Validated and checked before any host set-up, which nothing would release if it failed here.
    const { domain } = converter.convert(request.vmi, context);
    const existing = await this.#stateByName(domain.name);
    if (existing !== undefined && existing.state !== 'shutoff') {
      throw domainManagerError('INVALID_REQUEST', `a domain named '${domain.name}' is already ${existing.state} on this host, so it cannot receive ${vmi}`, { vmi });
    }
    await prepareVmi(request.vmi, converter, context, hostOperationsFor(context, connection, hostOperations));
    // The kvmkit stamp travels with the domain, so the target manager adopts it on arrival.
    const { xml } = stampDomain(domain, request.vmi);
    this.#incoming.set(vmi, xml);
    return xml;
  }

  /** The domain XML `prepareIncoming` made for this host, to pass as `MigrationOptions.destinationXml`. */
  incomingXml(vmi: string): string | undefined {
    return this.#incoming.get(vmi);
  }

  /** Source side: migrates the running domain; resolves once it runs on the destination. */
  async migrate(vmi: string, options: MigrationOptions): Promise<void> {
    const { connection, lookup } = this.#dependencies;
    const domain = await lookup(vmi);
    if (this.#outgoing.has(vmi)) throw domainManagerError('INVALID_REQUEST', `a migration of ${vmi} is already running`, { vmi });
    const { state } = await this.#stateOf(domain);
    if (state !== 'running' && state !== 'paused') {
      throw domainManagerError('INVALID_REQUEST', `${vmi} is ${state}: only a running domain can be live-migrated`, { vmi });
    }
    // Read before it leaves: afterwards this host has no domain to read the synced VMI from.
    const synced = readStamp(await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE));
    const destinationXml = options.destinationXml === undefined ? undefined : this.#destinationXmlFor(vmi, domain, options.destinationXml, synced);
    const { flags, params } = migrationCall(vmi, options, destinationXml);
    const outgoing: OutgoingMigration = { cancelled: false };
    this.#outgoing.set(vmi, outgoing);
    try {
      // Peer-to-peer: one call on the source; its daemon drives the destination daemon itself.
      await connection.domainMigratePerform3Params(domain, options.destinationUri, params, Buffer.alloc(0), flags, { timeoutMs: 0 });
    } catch (error) {
      throw migrationError(error, vmi, options.destinationUri, outgoing.cancelled);
    } finally {
      this.#outgoing.delete(vmi);
    }
    if (synced.manifest !== undefined) await this.#releaseSource(vmi, synced.manifest, options.destinationUri);
  }

  /**
   * The plugins' `release` on the source once the VMI runs on the target, with the VMI as it was
   * synced here. The guest already runs on the target, so a failure does not fail the migration
   * (the caller could do nothing about it but retry a migration that succeeded): it goes to
   * `onSourceReleaseFailed`, and what was not released (port forwards holding host ports) stays
   * on this host until the VMI is synced here again. Source and target must be separate hosts:
   * on one host (one firewall) this would also remove the target's forwards.
   */
  async #releaseSource(vmi: string, synced: VirtualMachineInstance, destinationUri: string): Promise<void> {
    const { connection, converter, contextProvider, hostOperations, onSourceReleaseFailed = warnSourceReleaseFailed } = this.#dependencies;
    try {
      const context = await contextProvider();
      await releaseVmi(synced, converter, context, hostOperationsFor(context, connection, hostOperations));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      onSourceReleaseFailed(vmi, domainManagerError('HOST_OPERATION_FAILED', `${vmi} migrated to ${destinationUri}, but releasing its host set-up on the source failed: ${reason}`, { vmi }, error));
    }
  }

  /**
   * The running migration job's figures; once no job runs, those of the last completed one
   * (on the target: the incoming migration it received); empty when there was none.
   */
  async progress(vmi: string): Promise<MigrationProgress> {
    const { connection, lookup } = this.#dependencies;
    const domain = await lookup(vmi);
    const current = await connection.domainGetJobStats(domain, 0);
    if (current.type !== JobType.NONE) return migrationProgressOf(current.params);
    const completed = await connection.domainGetJobStats(domain, JOB_STATS_COMPLETED);
    return completed.type === JobType.NONE ? {} : migrationProgressOf(completed.params);
  }

  /** Source side: aborts the running migration; `migrate` then rejects with `MIGRATION_CANCELLED`. */
  async cancel(vmi: string): Promise<void> {
    const { connection, lookup } = this.#dependencies;
    const domain = await lookup(vmi);
    const outgoing = this.#outgoing.get(vmi);
    if (outgoing !== undefined) outgoing.cancelled = true;
    try {
      await connection.domainAbortJob(domain);
    } catch (error) {
      if (outgoing !== undefined) outgoing.cancelled = false;
      if (error instanceof LibvirtError && error.code === ErrorCode.OPERATION_INVALID) {
        throw domainManagerError('INVALID_REQUEST', `no migration of ${vmi} is running to cancel: ${error.daemonMessage}`, { vmi }, error);
      }
      throw migrationError(error, vmi, 'its destination', false);
    }
  }

  /**
   * Target side: the migrated domain is defined here and running. Returns what adopting it
   * needs: the domain, the manager's creation stamp it carried, and whether its guest agent is
   * connected (it connected on the source, before any event here could say so).
   */
  async confirmArrived(vmi: string): Promise<ArrivedDomain> {
    let domain: Domain;
    try {
      domain = await this.#dependencies.lookup(vmi);
    } catch (error) {
      if (KvmkitError.isInstance(error) && error.code === 'DOMAIN_NOT_FOUND') {
        throw domainManagerError('DOMAIN_NOT_FOUND', `the migration of ${vmi} has not arrived on this host: no domain is defined for it`, { vmi }, error);
      }
      throw error;
    }
    const { state, reason } = await this.#stateOf(domain);
    if (state !== 'running') {
      throw domainManagerError('MIGRATION_FAILED', `${vmi} arrived on this host but is ${state} (${reason}), not running`, { vmi });
    }
    this.#incoming.delete(vmi);
    const { connection } = this.#dependencies;
    const live = parseDomainXml(await connection.domainGetXmlDesc(domain, 0));
    const agentConnected = agentChannelConnected(live);
    const { createdAt } = readStamp(await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE));
    return { domain, agentConnected, ...(createdAt === undefined ? {} : { createdAt }) };
  }

  async #stateOf(domain: Domain): Promise<NamedState> {
    const raw = await this.#dependencies.connection.domainGetState(domain);
    return nameState(raw.state, raw.reason);
  }

  async #stateByName(name: string): Promise<NamedState | undefined> {
    try {
      return await this.#stateOf(await this.#dependencies.connection.domainLookupByName(name));
    } catch (error) {
      if (error instanceof LibvirtError && error.code === ErrorCode.NO_DOMAIN) return undefined;
      throw error;
    }
  }

  /**
   * The target's domain, made this domain's: libvirt requires the same name and UUID, and the
   * manager's creation stamp carries over (the target converted it without knowing it).
   */
  #destinationXmlFor(vmi: string, domain: Domain, xml: string, source: ReturnType<typeof readStamp>): string {
    const destination = parseDomainXml(xml);
    if (destination.name !== domain.name) {
      throw domainManagerError('INVALID_REQUEST', `destinationXml: names domain '${destination.name}', but ${vmi} runs as '${domain.name}'`, { vmi, path: 'destinationXml' });
    }
    destination.uuid = uuidToString(domain.uuid);
    const { manifest, createdAt } = readStamp(xml);
    if (source.createdAt !== undefined && createdAt === undefined && manifest !== undefined) return stampDomain(destination, manifest, source.createdAt).xml;
    return formatDomainXml(destination);
  }
}
