import { rm } from 'node:fs/promises';
import { JobType, typedParamsToRecord, type Domain, type DomainEvent, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import type { BackupProgress } from './backup-options.ts';

const JOB_STATS_COMPLETED = 1;

/** The running job's progress, or undefined when no job runs. */
export async function backupProgress(connection: LibvirtConnection, domain: Domain): Promise<BackupProgress | undefined> {
  const { type, params } = await connection.domainGetJobStats(domain, 0);
  if (type === JobType.NONE) return undefined;
  const values = typedParamsToRecord(params);
  return { totalBytes: BigInt(values.disk_total ?? 0), processedBytes: BigInt(values.disk_processed ?? 0) };
}

/** The completed job's own figures from its event, when it reports them. */
export function finalBackupProgress(event: DomainEvent): BackupProgress | undefined {
  if (event.kind !== 'jobCompleted') return undefined;
  const final = typedParamsToRecord(event.params);
  if (final.disk_total === undefined) return undefined;
  return { totalBytes: BigInt(final.disk_total), processedBytes: BigInt(final.disk_processed ?? final.disk_total) };
}

/** The event's `success` field, else the completed job's type. */
export async function jobSucceeded(connection: LibvirtConnection, domain: Domain, event: DomainEvent): Promise<boolean> {
  if (event.kind === 'jobCompleted') {
    const success = typedParamsToRecord(event.params).success;
    if (typeof success === 'boolean') return success;
  }
  const { type } = await connection.domainGetJobStats(domain, JOB_STATS_COMPLETED);
  return type === JobType.COMPLETED;
}

/** After a failed job: no file and no checkpoint may look like a finished backup. */
export async function discardBackup(connection: LibvirtConnection, domain: Domain, checkpointName: string, paths: readonly string[]): Promise<void> {
  await Promise.allSettled(paths.map((path) => rm(path, { force: true })));
  try {
    await connection.domainCheckpointDelete(await connection.domainCheckpointLookupByName(domain, checkpointName));
  } catch {
    // libvirt did not create it (the job failed before the checkpoint existed).
  }
}
