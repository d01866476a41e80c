import { KvmkitError, type KvmkitErrorDetails } from '@kvmkit/core';

/** Every error code the domain manager raises, with what it means. */
export const DOMAIN_MANAGER_ERROR_CODES = {
  DOMAIN_NOT_FOUND: 'No domain for this VMI is defined on the libvirt connection.',
  AGENT_NOT_CONNECTED: 'The QEMU guest agent of the domain is not connected (not installed, not started yet, or the channel is missing).',
  AGENT_TIMEOUT: 'The guest agent did not answer within the timeout.',
  AGENT_COMMAND_FAILED: 'The guest agent answered with an error.',
  UNSUPPORTED_ON_HOST: 'The operation is not supported by this libvirt driver, QEMU or host.',
  LIBVIRT_CALL_FAILED: 'libvirt refused or failed an operation; `cause` is the LibvirtError.',
  HOST_PATH_OUTSIDE_DIRECTORIES: "A prepare step asked for a path outside the context's state and volumes directories.",
  HOST_OPERATION_FAILED: 'A host operation (qemu-img, a file write, a network) failed.',
  INVALID_REQUEST: 'An argument is out of range (a vCPU count above the maximum, a negative grace period, …).',
  OPERATION_TIMEOUT: 'A hotplug, shutdown or backup did not complete within its timeout.',
  BACKUP_FAILED: 'The backup job failed or was aborted; its files were removed and its checkpoint deleted.',
  MIGRATION_FAILED: 'The live migration failed; the domain keeps running on the source and nothing is left on the target.',
  MIGRATION_CANCELLED: 'The live migration was cancelled (`cancelMigration`); the domain keeps running on the source.',
} as const;

export type DomainManagerErrorCode = keyof typeof DOMAIN_MANAGER_ERROR_CODES;

/** A KvmkitError with one of the manager's codes. */
export function domainManagerError(code: DomainManagerErrorCode, message: string, details: KvmkitErrorDetails = {}, cause?: unknown): KvmkitError {
  return new KvmkitError(code, message, details, cause === undefined ? undefined : { cause });
}
