import type { SyncRequest } from '@kvmkit/core';
import { vmiIdentity } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { formatDomainXml, parseDomainXml, type Domain as DomainModel } from '@kvmkit/domain-xml';
import { DomainXmlFlags, uuidToString, type Domain } from '@kvmkit/libvirt-rpc';
import { isNoDomain } from '../errors/libvirt-call.ts';
import { hostOperationsFor } from '../host/host-operations-for.ts';
import type { DomainOperationDependencies } from '../manager/domain-access.ts';
import { isUserPause, nameState } from '../status/domain-phase.ts';
import type { OwnedDomains } from '../status/owned-domains.ts';
import type { ConversionDependencies } from './conversion-dependencies.ts';
import { readStamp, stampDomain } from './fingerprint.ts';
import { prepareVmi } from './prepare-vmi.ts';

// libvirt flag values (virDomainDefineFlags, virDomainXMLFlags).
const DEFINE_VALIDATE = 1;

export interface DomainSyncDependencies extends ConversionDependencies, DomainOperationDependencies {
  readonly owned: OwnedDomains;
}

/** virt-launcher's SyncVMI, and the VMI as last synced. */
export class DomainSync {
  readonly #dependencies: DomainSyncDependencies;

  constructor(dependencies: DomainSyncDependencies) {
    this.#dependencies = dependencies;
  }

  /**
   * Convert (validating), prepare the host, define only when the fingerprint differs, start when
   * it should run and is stopped, resume when paused by anything but the user. Never stops or destroys a domain, so
   * a failed sync leaves a running domain running.
   */
  sync(request: SyncRequest): Promise<DomainModel> {
    const { access } = this.#dependencies;
    const vmi = vmiIdentity(request.vmi);
    return access.locked(vmi, () => access.call(vmi, 'sync', () => this.#sync(vmi, request)));
  }

  async #sync(vmi: string, request: SyncRequest): Promise<DomainModel> {
    const { connection, converter, contextProvider, hostOperations, owned: ownedDomains } = this.#dependencies;
    const context = await contextProvider();
    // Conversion is pure and validates the VMI: an invalid VMI is refused before any host set-up
    // (networks, port forwards, disk images) exists that nothing could release again.
    const { domain: converted } = converter.convert(request.vmi, context);
    await prepareVmi(request.vmi, converter, context, hostOperationsFor(context, connection, hostOperations));
    let domain: Domain | undefined;
    try {
      domain = await connection.domainLookupByName(converted.name);
    } catch (error) {
      if (!isNoDomain(error)) throw error;
    }
    const defined = domain === undefined ? undefined : readStamp(await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE));
    // Stamped on the first define only; a redefinition carries the defined domain's value over.
    const createdAt = domain === undefined ? new Date().toISOString() : defined?.createdAt;
    const { xml, fingerprint } = stampDomain(converted, request.vmi, createdAt);
    const definedFingerprint = defined?.fingerprint;
    if (domain === undefined) {
      domain = await connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    } else if (definedFingerprint !== fingerprint) {
      // A redefinition must keep the domain's UUID, or libvirt refuses it as a second domain.
      converted.uuid ??= uuidToString(domain.uuid);
      domain = await connection.domainDefineXmlFlags(formatDomainXml(converted), DEFINE_VALIDATE);
    }
    const owned = ownedDomains.ownedFor(vmi, domain);
    if (createdAt !== undefined) owned.createdAt = createdAt;
    const raw = await connection.domainGetState(domain);
    const state = nameState(raw.state, raw.reason);
    const shouldRun = request.running ?? true;
    if (shouldRun && (state.state === 'shutoff' || state.state === 'crashed')) {
      await connection.domainCreate(domain);
      owned.everStarted = true;
      owned.userPaused = false;
    } else if (state.state === 'paused' && !isUserPause(state) && !owned.userPaused && shouldRun) {
      await connection.domainResume(domain);
    }
    return parseDomainXml(await connection.domainGetXmlDesc(domain, 0));
  }

  /** The VMI as last synced to this domain (defaults applied), from the domain's kvmkit metadata. */
  async manifest(vmi: string): Promise<VirtualMachineInstance | undefined> {
    const { connection, access } = this.#dependencies;
    const domain = await access.lookup(vmi);
    return readStamp(await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE)).manifest;
  }
}
