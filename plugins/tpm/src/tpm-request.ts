import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** What the VMI asks of its TPM, as KubeVirt reads `spec.domain.devices.tpm`. */
export interface TpmRequest {
  /** A TPM is wanted: `tpm` is present and `enabled` is not false (KubeVirt's default is true). */
  wanted: boolean;
  /** Its state must outlive a stop and start of the VMI. */
  persistent: boolean;
}

/**
 * Reads the TPM request of a VMI. `enabled: false` switches a TPM off even when `persistent` is
 * set (KubeVirt's `tpm.HasDevice` / `tpm.HasPersistentDevice`).
 */
export function tpmRequest(vmi: VirtualMachineInstance): TpmRequest {
  const tpm: unknown = (vmi.spec as { domain?: { devices?: { tpm?: unknown } } } | undefined)?.domain?.devices?.tpm;
  if (tpm === undefined || tpm === null || typeof tpm !== 'object') return { wanted: false, persistent: false };
  const { enabled, persistent } = tpm as { enabled?: unknown; persistent?: unknown };
  const wanted = enabled !== false;
  return { wanted, persistent: wanted && persistent === true };
}
