import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import type { Architecture } from '@kvmkit/core';

const RULE = 'tpm:tpm';
const TPM_PATH = 'spec.domain.devices.tpm';

function problem(path: string, reason: string, severity: VmiProblem['severity'] = 'error'): VmiProblem {
  return { path, reason, severity, rule: RULE };
}

/**
 * Admission rules for `spec.domain.devices.tpm`. KubeVirt's webhook has none of its own for the
 * TPM (its OpenAPI schema types the two booleans, and it requires no EFI for a persistent TPM),
 * so these are the schema's types plus what QEMU and libvirt refuse at start.
 */
export function validateTpm(vmi: VirtualMachineInstance, architecture: Architecture): VmiProblem[] {
  const tpm: unknown = (vmi.spec as { domain?: { devices?: { tpm?: unknown } } } | undefined)?.domain?.devices?.tpm;
  if (tpm === undefined) return [];
  if (tpm === null || typeof tpm !== 'object' || Array.isArray(tpm)) {
    return [problem(TPM_PATH, 'must be an object such as {} or { persistent: true }')];
  }
  const problems: VmiProblem[] = [];
  const fields = tpm as Record<string, unknown>;
  for (const field of ['enabled', 'persistent'] as const) {
    const value = fields[field];
    if (value !== undefined && typeof value !== 'boolean') problems.push(problem(`${TPM_PATH}.${field}`, `must be true or false, got ${JSON.stringify(value)}`));
  }
  for (const field of Object.keys(fields)) {
    if (field !== 'enabled' && field !== 'persistent') problems.push(problem(`${TPM_PATH}.${field}`, 'unknown field: a TPM takes only enabled and persistent', 'warning'));
  }
  if (fields.enabled === false && fields.persistent === true) {
    problems.push(problem(`${TPM_PATH}.persistent`, 'has no effect: the TPM is disabled (enabled: false), so no TPM and no state are created', 'warning'));
  }
  const vmiArchitecture = (vmi.spec as { architecture?: unknown }).architecture;
  const onS390 = vmiArchitecture === 's390x' || (vmiArchitecture === undefined && architecture === 's390x');
  if (onS390 && fields.enabled !== false) {
    problems.push(problem(TPM_PATH, 'QEMU has no TPM device for s390x guests; remove it or set enabled: false'));
  }
  return problems;
}
