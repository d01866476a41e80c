import type { BackupOptions } from '@kvmkit/core';

/** How far a running backup job is, from libvirt's job stats. */
export interface BackupProgress {
  /** Bytes the job has to copy (`disk_total`). */
  totalBytes: bigint;
  /** Bytes copied so far (`disk_processed`). */
  processedBytes: bigint;
}

/** Core's backup options plus what only a libvirt-backed manager offers. */
export interface LibvirtBackupOptions extends BackupOptions {
  /** Aborting it aborts the libvirt job; the backup then rejects with `BACKUP_FAILED`. */
  signal?: AbortSignal;
  /**
   * Called with the job's progress right after it starts, every `progressIntervalMs`, and once
   * more with the completed job's figures when it succeeds.
   */
  onProgress?: (progress: BackupProgress) => void;
  /** Default 500 ms. */
  progressIntervalMs?: number;
}
