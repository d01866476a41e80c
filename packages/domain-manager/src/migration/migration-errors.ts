import { KvmkitError } from '@kvmkit/core';
import { ErrorCode, LibvirtError } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';

const UNSUPPORTED: readonly number[] = [ErrorCode.NO_SUPPORT, ErrorCode.OPERATION_UNSUPPORTED, ErrorCode.ARGUMENT_UNSUPPORTED];

/**
 * A failed outgoing migration as the manager reports it: cancelled (by `cancelMigration`, or
 * libvirt's "operation aborted"), unsupported by this libvirt or QEMU, or failed with libvirt's
 * own reason. Libvirt rolls a failed peer-to-peer migration back, so the domain runs on.
 */
export function migrationError(error: unknown, vmi: string, destinationUri: string, cancelled: boolean): KvmkitError {
  if (KvmkitError.isInstance(error)) return error;
  const target = `to ${destinationUri}`;
  if (error instanceof LibvirtError) {
    const details = { vmi, libvirtCode: error.codeName };
    if (cancelled || error.code === ErrorCode.OPERATION_ABORTED) {
      return domainManagerError('MIGRATION_CANCELLED', `migration of ${vmi} ${target} was cancelled; the domain keeps running on the source (${error.daemonMessage})`, details, error);
    }
    if (UNSUPPORTED.includes(error.code)) {
      return domainManagerError('UNSUPPORTED_ON_HOST', `live migration of ${vmi} is unsupported on this host: ${error.daemonMessage}`, details, error);
    }
    return domainManagerError('MIGRATION_FAILED', `migration of ${vmi} ${target} failed: ${error.daemonMessage}`, details, error);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return domainManagerError('MIGRATION_FAILED', `migration of ${vmi} ${target} failed: ${reason}`, { vmi }, error);
}
