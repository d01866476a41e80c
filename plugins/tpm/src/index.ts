/**
 * @kvmkit/plugin-tpm — `spec.domain.devices.tpm` as libvirt's emulated TPM 2.0 (swtpm), and the
 * undefine flags that keep a persistent TPM's state until its VMI is deleted.
 */
export { tpmPlugin } from './tpm-plugin.ts';
export { tpmConfigurator } from './tpm-configurator.ts';
export { tpmOptionsSchema, type TpmOptions } from './tpm-options.ts';
export { tpmRequest, type TpmRequest } from './tpm-request.ts';
export { validateTpm } from './tpm-rules.ts';
export { tpmUndefineFlags, VIR_DOMAIN_UNDEFINE_KEEP_TPM, VIR_DOMAIN_UNDEFINE_TPM, type UndefineReason } from './tpm-undefine-flags.ts';
export { LIBVIRT_STATE_DIRECTORY, tpmStateDirectory } from './tpm-state-directory.ts';
