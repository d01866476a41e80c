import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** The launch-security technologies of KubeVirt's API (`spec.domain.launchSecurity`). */
export type LaunchSecurityKind = 'sev' | 'snp' | 'tdx';

/** libvirt's name of each kind, and how messages name it. */
export const LAUNCH_SECURITY_LABELS: Record<LaunchSecurityKind, string> = { sev: 'SEV', snp: 'SEV-SNP', tdx: 'TDX' };

/** What `spec.domain.launchSecurity` holds, read defensively (the VMI may be wrong in any way). */
export interface LaunchSecurityRequest {
  /** `launchSecurity` is present at all. */
  present: boolean;
  /** The kinds it names, in API order. Exactly one is valid. */
  kinds: LaunchSecurityKind[];
  sev?: SevRequest;
}

export interface SevRequest {
  encryptedState: boolean;
  dhCert?: string;
  session?: string;
  attestation: boolean;
}

function objectAt(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Reads the launch-security request of a VMI. */
export function launchSecurityRequest(vmi: VirtualMachineInstance): LaunchSecurityRequest {
  const domain = objectAt(objectAt(vmi.spec)?.domain);
  const launchSecurity = objectAt(domain?.launchSecurity);
  if (launchSecurity === undefined) return { present: domain?.launchSecurity !== undefined, kinds: [] };
  const kinds = (['sev', 'snp', 'tdx'] as const).filter((kind) => launchSecurity[kind] !== undefined && launchSecurity[kind] !== null);
  const sev = objectAt(launchSecurity.sev);
  if (sev === undefined) return { present: true, kinds };
  const dhCert = typeof sev.dhCert === 'string' && sev.dhCert !== '' ? sev.dhCert : undefined;
  const session = typeof sev.session === 'string' && sev.session !== '' ? sev.session : undefined;
  return {
    present: true,
    kinds,
    sev: {
      encryptedState: objectAt(sev.policy)?.encryptedState === true,
      ...(dhCert === undefined ? {} : { dhCert }),
      ...(session === undefined ? {} : { session }),
      attestation: sev.attestation !== undefined && sev.attestation !== null,
    },
  };
}

/** The one kind a valid VMI asks for, or undefined (none, or an invalid several). */
export function launchSecurityKind(vmi: VirtualMachineInstance): LaunchSecurityKind | undefined {
  const { kinds } = launchSecurityRequest(vmi);
  return kinds.length === 1 ? kinds[0] : undefined;
}
