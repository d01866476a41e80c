import type { Configurator } from '@kvmkit/core';
import type { Tpm } from '@kvmkit/domain-xml';
import type { TpmOptions } from './tpm-options.ts';
import { tpmRequest } from './tpm-request.ts';
import { validateTpm } from './tpm-rules.ts';

/**
 * `spec.domain.devices.tpm` → one `<tpm>` with libvirt's swtpm emulator backend, TPM 2.0
 * (KubeVirt's `TPMDomainConfigurator`). A persistent TPM gets `persistent_state='yes'`, so libvirt
 * keeps the swtpm state when the domain is undefined without flags; kvmkit's domain manager also
 * passes the flags from `tpmUndefineFlags` to say so explicitly.
 */
export const tpmConfigurator: Configurator<TpmOptions> = {
  specificationVersion: 'v1',
  name: 'tpm:tpm',
  validate(vmi, context) {
    return validateTpm(vmi, context.architecture);
  },
  configure(vmi, domain, { options, architecture }) {
    const request = tpmRequest(vmi);
    if (!request.wanted) return;
    // QEMU's only TPM for pSeries guests is the sPAPR one.
    const model = architecture === 'ppc64le' ? 'tpm-spapr' : request.persistent ? options.persistentModel : options.ephemeralModel;
    const tpm: Tpm = {
      model,
      backend: { type: 'emulator', version: '2.0', ...(request.persistent ? { persistentState: true } : {}) },
    };
    domain.devices ??= {};
    domain.devices.tpms = [tpm];
  },
};
