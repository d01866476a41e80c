import type { DeleteOptions } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { DomainXmlFlags, ErrorCode, LibvirtError } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { hostOperationsFor } from '../host/host-operations-for.ts';
import type { DomainOperationDependencies } from '../manager/domain-access.ts';
import { nameState } from '../status/domain-phase.ts';
import type { OwnedDomains } from '../status/owned-domains.ts';
import type { ConversionDependencies } from '../sync/conversion-dependencies.ts';
import { readStamp } from '../sync/fingerprint.ts';
import { releaseVmi } from '../sync/release-vmi.ts';

/** virDomainUndefineFlagsValues. */
const UNDEFINE = { MANAGED_SAVE: 1, SNAPSHOTS_METADATA: 2, NVRAM: 4, KEEP_NVRAM: 8, CHECKPOINTS_METADATA: 16, TPM: 32, KEEP_TPM: 64 } as const;

export interface DomainDeletionDependencies extends ConversionDependencies, DomainOperationDependencies {
  readonly owned: OwnedDomains;
  /** What `delete` removes when the caller does not say. */
  readonly deleteDefaults: DeleteOptions | undefined;
}

/** Deleting a VMI's domain: destroyed, its host set-up released, undefined with its state, disowned. */
export class DomainDeletion {
  readonly #dependencies: DomainDeletionDependencies;

  constructor(dependencies: DomainDeletionDependencies) {
    this.#dependencies = dependencies;
  }

  delete(vmi: string, options: DeleteOptions): Promise<void> {
    const { connection, access, owned: ownedDomains, deleteDefaults } = this.#dependencies;
    return access.withDomain(vmi, 'delete', async (domain, owned) => {
      const settings = { removeNvram: true, removeTpmState: true, ...deleteDefaults, ...options };
      const synced = readStamp(await connection.domainGetXmlDesc(domain, DomainXmlFlags.INACTIVE)).manifest;
      const { state } = await connection.domainGetState(domain);
      if (nameState(state, 0).state !== 'shutoff') await connection.domainDestroy(domain);
      // Released while the domain (and the VMI stored in it) is still defined: when a release
      // fails, the domain stays, stopped, and a second delete retries it.
      if (synced !== undefined) await this.#release(vmi, synced);
      const flags = UNDEFINE.MANAGED_SAVE | UNDEFINE.SNAPSHOTS_METADATA | UNDEFINE.CHECKPOINTS_METADATA
        | (settings.removeNvram ? UNDEFINE.NVRAM : UNDEFINE.KEEP_NVRAM)
        | (settings.removeTpmState ? UNDEFINE.TPM : UNDEFINE.KEEP_TPM);
      try {
        await connection.domainUndefineFlags(domain, flags);
      } catch (error) {
        // A driver without NVRAM, TPM or checkpoints (the test driver) refuses those flags; it has
        // no such state to keep or remove, so undefine with the flags every driver knows.
        if (!(error instanceof LibvirtError) || error.code !== ErrorCode.INVALID_ARG) throw error;
        await connection.domainUndefineFlags(domain, UNDEFINE.MANAGED_SAVE | UNDEFINE.SNAPSHOTS_METADATA);
      }
      if (ownedDomains.has(owned.vmi)) ownedDomains.disown(owned);
    });
  }

  /** The plugins' `release` for a deleted VMI: what its `prepare` left on the host (port forwards). */
  async #release(vmi: string, synced: VirtualMachineInstance): Promise<void> {
    const { connection, converter, contextProvider, hostOperations } = this.#dependencies;
    const context = await contextProvider();
    try {
      await releaseVmi(synced, converter, context, hostOperationsFor(context, connection, hostOperations));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw domainManagerError('HOST_OPERATION_FAILED', `${vmi} was stopped but not deleted: releasing its host set-up failed (delete again to retry): ${reason}`, { vmi }, error);
    }
  }
}
