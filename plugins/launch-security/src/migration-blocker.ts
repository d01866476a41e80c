import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { LAUNCH_SECURITY_LABELS, launchSecurityKind } from './launch-security-request.ts';

/**
 * Why a VMI cannot be live-migrated, or undefined when launch security does not stop it. KubeVirt
 * marks SEV, SEV-SNP and TDX VMIs not migratable: the guest's memory is encrypted with a key only
 * the source host's secure processor holds. The domain manager asks this before a migration.
 */
export function launchSecurityMigrationBlocker(vmi: VirtualMachineInstance): string | undefined {
  const kind = launchSecurityKind(vmi);
  return kind === undefined ? undefined : `${LAUNCH_SECURITY_LABELS[kind]} guests cannot be live-migrated: their memory is encrypted with a key bound to this host`;
}
