import { z } from 'zod';

/** The TPM models libvirt's schema accepts that a QEMU x86_64/aarch64 guest can use. */
const tpmModel = z.enum(['tpm-tis', 'tpm-crb']);

/**
 * Options of the `tpm` plugin. The defaults are KubeVirt's choices: `tpm-tis` for a TPM whose
 * state is thrown away, `tpm-crb` for a persistent one (KubeVirt introduced both together and
 * means to move everything to `tpm-crb`, the model modern guests prefer).
 */
export const tpmOptionsSchema = z.object({
  /** Model of a TPM whose state lives only as long as the domain's definition. */
  ephemeralModel: tpmModel.default('tpm-tis'),
  /** Model of a TPM with `persistent: true`. */
  persistentModel: tpmModel.default('tpm-crb'),
});

export type TpmOptions = z.output<typeof tpmOptionsSchema>;
