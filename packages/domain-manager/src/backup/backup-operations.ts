import { existsSync } from 'node:fs';
import type { BackupResult } from '@kvmkit/core';
import { parseDomainXml } from '@kvmkit/domain-xml';
import type { Domain } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import type { EventWaiter } from '../events/domain-event-waiters.ts';
import type { DomainOperationDependencies } from '../manager/domain-access.ts';
import { backupProgress, discardBackup, finalBackupProgress, jobSucceeded } from './backup-job.ts';
import type { LibvirtBackupOptions } from './backup-options.ts';
import { backupPlan } from './backup-plan.ts';
import { backupXml, checkpointXml } from './backup-xml.ts';

const CHECKPOINT_REDEFINE = 1;
const DEFAULT_BACKUP_TIMEOUT_MS = 3_600_000;
const DEFAULT_PROGRESS_INTERVAL_MS = 500;

export interface BackupOperationsDependencies extends DomainOperationDependencies {
  readonly waitForEvent: EventWaiter;
  /** How long a backup job may run before `backup` rejects with `OPERATION_TIMEOUT`. */
  readonly backupTimeoutMs: number | undefined;
}

/** Push-mode backups and the checkpoints incremental backups start from. */
export class BackupOperations {
  readonly #dependencies: BackupOperationsDependencies;

  constructor(dependencies: BackupOperationsDependencies) {
    this.#dependencies = dependencies;
  }

  /**
   * A push-mode backup through libvirt's backup-begin: full, or incremental from
   * `incrementalFrom`, creating checkpoint `checkpointName`; one qcow2 file per disk. Resolves on
   * the job-completed event when the job succeeded. A failed or aborted job (see
   * `options.signal`) leaves the domain running, removes the files and deletes the checkpoint it
   * created, then rejects with `BACKUP_FAILED`.
   */
  backup(vmi: string, options: LibvirtBackupOptions): Promise<BackupResult> {
    return this.#dependencies.access.withDomain(vmi, 'backup', (domain) => this.#backup(vmi, domain, options));
  }

  async #backup(vmi: string, domain: Domain, options: LibvirtBackupOptions): Promise<BackupResult> {
    const { connection, waitForEvent, backupTimeoutMs } = this.#dependencies;
    const plan = backupPlan(parseDomainXml(await connection.domainGetXmlDesc(domain, 0)), options, vmi);
    const files = plan.flatMap(({ disk, path }) => (path === undefined ? [] : [{ disk, path }]));
    const existing = files.find(({ path }) => existsSync(path));
    if (existing !== undefined) throw domainManagerError('INVALID_REQUEST', `targetDirectory: ${existing.path} exists; a backup never overwrites a file`, { vmi, path: 'targetDirectory' });
    const completed = waitForEvent(
      (event) => event.kind === 'jobCompleted' && event.domain.name === domain.name,
      backupTimeoutMs ?? DEFAULT_BACKUP_TIMEOUT_MS, `backup '${options.checkpointName}'`, vmi,
    );
    try {
      await connection.domainBackupBegin(domain, backupXml(plan, options.incrementalFrom), checkpointXml(options.checkpointName, plan), 0);
    } catch (error) {
      completed.cancel();
      throw error;
    }
    const abort = (): void => { void connection.domainAbortJob(domain).catch(() => undefined); };
    options.signal?.addEventListener('abort', abort, { once: true });
    if (options.signal?.aborted === true) abort();
    const report = (): void => {
      if (options.onProgress !== undefined) void backupProgress(connection, domain).then((progress) => { if (progress !== undefined) options.onProgress?.(progress); }, () => undefined);
    };
    report();
    const poller = setInterval(report, options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS);
    let succeeded = false;
    try {
      const event = await completed.promise;
      succeeded = await jobSucceeded(connection, domain, event);
      // A short job can finish between two polls: the completed job's own figures are the last word.
      const final = succeeded && options.onProgress !== undefined ? finalBackupProgress(event) : undefined;
      if (final !== undefined) options.onProgress?.(final);
    } finally {
      clearInterval(poller);
      options.signal?.removeEventListener('abort', abort);
      if (!succeeded) {
        // A timed-out job still runs: stop it before its files go.
        await connection.domainAbortJob(domain).catch(() => undefined);
        await discardBackup(connection, domain, options.checkpointName, files.map(({ path }) => path));
      }
    }
    if (!succeeded) {
      throw domainManagerError('BACKUP_FAILED', `backup '${options.checkpointName}' of ${vmi} ${options.signal?.aborted === true ? 'was aborted' : 'failed'}`, { vmi });
    }
    return { checkpointName: options.checkpointName, files };
  }

  /**
   * Recreates a checkpoint's metadata from XML saved earlier (`checkpointDefinition`), e.g. after
   * the domain was redefined: the disk's bitmap survives in the qcow2, libvirt's record of it not.
   */
  redefineCheckpoint(vmi: string, checkpointXmlDocument: string): Promise<void> {
    const { connection, access } = this.#dependencies;
    return access.withDomain(vmi, 'checkpoint redefinition', async (domain) => {
      await connection.domainCheckpointCreateXml(domain, checkpointXmlDocument, CHECKPOINT_REDEFINE);
    });
  }

  /** A checkpoint's XML as libvirt has it, for `redefineCheckpoint` later. */
  checkpointDefinition(vmi: string, checkpointName: string): Promise<string> {
    const { connection, access } = this.#dependencies;
    return access.withDomain(vmi, 'checkpoint lookup', async (domain) => {
      return connection.domainCheckpointGetXmlDesc(await connection.domainCheckpointLookupByName(domain, checkpointName), 0);
    });
  }
}
