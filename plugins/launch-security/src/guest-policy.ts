/** SEV guest policy bit 0, NODBG: the hypervisor may not debug the guest. KubeVirt always sets it. */
export const SEV_POLICY_NO_DEBUG = 1 << 0;
/** SEV guest policy bit 2, ES: the guest's register state is encrypted too (SEV-ES). */
export const SEV_POLICY_ENCRYPTED_STATE = 1 << 2;

/** The SEV `<policy>` KubeVirt derives from `sev.policy.encryptedState`, as libvirt writes it. */
export function sevPolicy(encryptedState: boolean): string {
  const bits = SEV_POLICY_NO_DEBUG | (encryptedState ? SEV_POLICY_ENCRYPTED_STATE : 0);
  return `0x${bits.toString(16).padStart(4, '0')}`;
}
