import type { ConverterContext } from '@kvmkit/core';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import { LAUNCH_SECURITY_LABELS, launchSecurityRequest, type LaunchSecurityKind } from './launch-security-request.ts';
import { QGS_SOCKET_ANNOTATION } from './quote-generation-service.ts';

const RULE = 'launch-security:launch-security';
const BASE = 'spec.domain.launchSecurity';

function error(path: string, reason: string): VmiProblem {
  return { path, reason, severity: 'error', rule: RULE };
}

type Loose = Record<string, unknown> | undefined;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

const HOST_SUPPORT: Record<LaunchSecurityKind, keyof ConverterContext['host']['launchSecurity']> = { sev: 'sev', snp: 'sevSnp', tdx: 'tdx' };
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The rules KubeVirt's webhook applies to the firmware of a confidential VMI (`ValidateLaunchSecurityAmd64`). */
function firmwareProblems(vmi: VirtualMachineInstance, kind: LaunchSecurityKind): VmiProblem[] {
  const label = LAUNCH_SECURITY_LABELS[kind];
  const efiValue = field(field(field(vmi.spec.domain, 'firmware'), 'bootloader'), 'efi');
  const efi: Loose = efiValue !== null && typeof efiValue === 'object' ? (efiValue as Record<string, unknown>) : undefined;
  if (efi === undefined) return [error('spec.domain.firmware.bootloader.efi', `${label} requires UEFI firmware (OVMF): set firmware.bootloader.efi`)];
  const problems: VmiProblem[] = [];
  // KubeVirt turns Secure Boot on when secureBoot is absent, so it must be false, not just unset.
  if ((kind === 'sev' || kind === 'snp') && efi.secureBoot !== false) {
    problems.push(error('spec.domain.firmware.bootloader.efi.secureBoot', `${label} does not work with Secure Boot: set secureBoot: false`));
  }
  if ((kind === 'snp' || kind === 'tdx') && efi.persistent === true) {
    problems.push(error('spec.domain.firmware.bootloader.efi.persistent', `${label} boots stateless firmware from a ROM, so it cannot keep EFI variables: remove persistent`));
  }
  return problems;
}

function sevProblems(vmi: VirtualMachineInstance): VmiProblem[] {
  const request = launchSecurityRequest(vmi).sev;
  const sev = field(field(vmi.spec.domain, 'launchSecurity'), 'sev');
  const problems: VmiProblem[] = [];
  for (const name of ['dhCert', 'session'] as const) {
    const value = field(sev, name);
    if (value !== undefined && (typeof value !== 'string' || !BASE64.test(value))) problems.push(error(`${BASE}.sev.${name}`, 'must be base64, as sevctl and the SEV tools write it'));
  }
  if (request?.session !== undefined && request.dhCert === undefined) {
    problems.push(error(`${BASE}.sev.session`, 'a launch session blob needs the guest owner\'s dhCert it was made with'));
  }
  if (request?.attestation === true && vmi.spec.startStrategy !== 'Paused') {
    problems.push(error('spec.startStrategy', 'SEV attestation requires startStrategy: Paused, so the measurement can be checked and secrets injected before the guest runs'));
  }
  return problems;
}

/**
 * Admission rules for `spec.domain.launchSecurity`, after KubeVirt's (`validateLaunchSecurity`,
 * `ValidateLaunchSecurityAmd64`), with precise field paths. KubeVirt's feature gates
 * (`WorkloadEncryptionSEV`, `WorkloadEncryptionTDX`) are replaced by what the host supports.
 */
export function validateLaunchSecurity(vmi: VirtualMachineInstance, context: ConverterContext): VmiProblem[] {
  const request = launchSecurityRequest(vmi);
  if (!request.present) return [];
  if (request.kinds.length !== 1) {
    return [error(BASE, request.kinds.length === 0 ? 'name one launch-security type: sev, snp or tdx' : `one and only one launch-security type can be set, got ${request.kinds.join(' and ')}`)];
  }
  const [kind] = request.kinds as [LaunchSecurityKind];
  const label = LAUNCH_SECURITY_LABELS[kind];
  const architecture = (vmi.spec as { architecture?: unknown }).architecture ?? (context.architecture === 'x86_64' ? 'amd64' : context.architecture);
  if (architecture !== 'amd64') return [error('spec.architecture', `no launch-security support for architecture ${JSON.stringify(architecture)}: ${label} is amd64 only`)];

  const problems: VmiProblem[] = [];
  if (!context.host.launchSecurity[HOST_SUPPORT[kind]]) {
    problems.push(error(`${BASE}.${kind}`, `this host does not support ${label}: libvirt's domain capabilities report it unavailable (CPU, firmware, kernel or QEMU lacks it)`));
  }
  problems.push(...firmwareProblems(vmi, kind));
  const smm = field(field(vmi.spec.domain, 'features'), 'smm');
  if (kind === 'tdx' && smm !== undefined && field(smm, 'enabled') !== false) {
    problems.push(error('spec.domain.features.smm', 'TDX does not work with SMM: remove it or set enabled: false'));
  }
  if (kind === 'sev') problems.push(...sevProblems(vmi));
  const interfaces = field(field(vmi.spec.domain, 'devices'), 'interfaces');
  if (Array.isArray(interfaces)) {
    interfaces.forEach((entry, index) => {
      if (field(entry, 'bootOrder') !== undefined) problems.push(error(`spec.domain.devices.interfaces[${String(index)}].bootOrder`, `${label} does not work with bootable NICs (their option ROM cannot run in an encrypted guest)`));
    });
  }
  if (kind === 'tdx') {
    const socket = vmi.metadata?.annotations?.[QGS_SOCKET_ANNOTATION];
    if (socket !== undefined && !socket.startsWith('/')) problems.push(error(`metadata.annotations.${QGS_SOCKET_ANNOTATION}`, 'must be an absolute path to the Quote Generation Service socket'));
  }
  return problems;
}
