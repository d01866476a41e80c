import type { Configurator } from '@kvmkit/core';
import type { LaunchSecurity } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { routeVirtioThroughIommu, useStatelessFirmware } from './confidential-devices.ts';
import { sevPolicy } from './guest-policy.ts';
import type { LaunchSecurityOptions } from './launch-security-options.ts';
import { launchSecurityKind, launchSecurityRequest } from './launch-security-request.ts';
import { validateLaunchSecurity } from './launch-security-rules.ts';
import { quoteGenerationServiceSocket } from './quote-generation-service.ts';

type AmdOptions = LaunchSecurityOptions['sev'];

function amdHostFields(options: AmdOptions): Partial<LaunchSecurity> {
  return {
    ...(options.kernelHashes === undefined ? {} : { kernelHashes: options.kernelHashes }),
    ...(options.cbitpos === undefined ? {} : { cbitpos: options.cbitpos }),
    ...(options.reducedPhysBits === undefined ? {} : { reducedPhysBits: options.reducedPhysBits }),
  };
}

/** The `<launchSecurity>` element for a VMI (KubeVirt's `amd64LaunchSecurity`), or undefined. */
export function launchSecurityElement(vmi: VirtualMachineInstance, options: LaunchSecurityOptions): LaunchSecurity | undefined {
  const kind = launchSecurityKind(vmi);
  if (kind === 'sev') {
    const sev = launchSecurityRequest(vmi).sev;
    return {
      type: 'sev',
      ...amdHostFields(options.sev),
      policy: sevPolicy(sev?.encryptedState ?? false),
      ...(sev?.dhCert === undefined ? {} : { dhCert: sev.dhCert }),
      ...(sev?.session === undefined ? {} : { session: sev.session }),
    };
  }
  if (kind === 'snp') return { type: 'sev-snp', ...amdHostFields(options.snp), policy: options.snp.policy };
  if (kind === 'tdx') {
    const socket = quoteGenerationServiceSocket(vmi, options.tdx.quoteGenerationServiceSocket);
    return {
      type: 'tdx',
      ...(options.tdx.policy === undefined ? {} : { policy: options.tdx.policy }),
      quoteGenerationService: socket === undefined ? {} : { path: socket },
    };
  }
  return undefined;
}

/**
 * `spec.domain.launchSecurity` → `<launchSecurity>`, plus what KubeVirt changes elsewhere for it.
 * Runs in phase `post` because those changes touch devices and firmware other plugins wrote:
 * - SEV, SEV-ES, SEV-SNP: `iommu='on'` on virtio devices, option ROMs off (`routeVirtioThroughIommu`);
 * - SEV-SNP, TDX: the firmware loader becomes a stateless ROM, the NVRAM goes;
 * - TDX: the PMU is turned off (`<pmu state='off'/>`).
 */
export const launchSecurityConfigurator: Configurator<LaunchSecurityOptions> = {
  specificationVersion: 'v1',
  name: 'launch-security:launch-security',
  phase: 'post',
  validate(vmi, context) {
    return validateLaunchSecurity(vmi, context);
  },
  configure(vmi, domain, { options, warn }) {
    const element = launchSecurityElement(vmi, options);
    const kind = launchSecurityKind(vmi);
    if (element === undefined || kind === undefined) return;
    domain.launchSecurity = element;
    if (kind === 'sev' || kind === 'snp') routeVirtioThroughIommu(domain.devices ?? {});
    if ((kind === 'snp' || kind === 'tdx') && !useStatelessFirmware(domain)) {
      warn(`spec.domain.launchSecurity.${kind}`, 'no firmware <loader> was written by another plugin, so none could be made a stateless ROM; the domain will not start without one');
    }
    if (kind === 'tdx') {
      domain.features ??= {};
      domain.features.pmu = { state: false };
    }
  },
};
