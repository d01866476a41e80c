import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { tpmRequest } from './tpm-request.ts';

/** `VIR_DOMAIN_UNDEFINE_TPM` (libvirt ≥ 8.9.0): also remove the domain's swtpm state. */
export const VIR_DOMAIN_UNDEFINE_TPM = 1 << 5;
/** `VIR_DOMAIN_UNDEFINE_KEEP_TPM` (libvirt ≥ 8.9.0): keep the domain's swtpm state. */
export const VIR_DOMAIN_UNDEFINE_KEEP_TPM = 1 << 6;

/** Why the domain manager is undefining a domain. */
export type UndefineReason =
  /** The VMI is gone for good: its TPM state goes with it. */
  | 'vmi-deleted'
  /** The domain is undefined while the VMI lives on (stop, redefinition after a spec change). */
  | 'vmi-kept';

/**
 * The TPM bits of the `virDomainUndefineFlags` flags for a VMI's domain. libvirt keeps swtpm
 * state in `<libvirt state dir>/swtpm/<domain uuid>/`, so whether it survives an undefine is
 * decided here, never left to libvirt's default (which follows `persistent_state`):
 * - a persistent TPM keeps its state until the VMI is deleted (`KEEP_TPM`, then `TPM`);
 * - an ephemeral TPM starts fresh every time its domain is defined, as a KubeVirt VMI's TPM
 *   starts fresh in every new virt-launcher pod (`TPM`);
 * - no TPM asked for: `TPM` when the VMI is deleted, so state left by an earlier spec that had
 *   one is not orphaned; otherwise 0.
 * OR the result into the other undefine flags (NVRAM, managed save, …).
 */
export function tpmUndefineFlags(vmi: VirtualMachineInstance, reason: UndefineReason): number {
  if (reason === 'vmi-deleted') return VIR_DOMAIN_UNDEFINE_TPM;
  const request = tpmRequest(vmi);
  if (!request.wanted) return 0;
  return request.persistent ? VIR_DOMAIN_UNDEFINE_KEEP_TPM : VIR_DOMAIN_UNDEFINE_TPM;
}
