import { createConverter, defaultConverterContext, VmiInvalidError } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { tpmPlugin } from './tpm-plugin.ts';
import { validateTpm } from './tpm-rules.ts';

function vmiWithTpm(tpm: unknown, architecture?: string): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'tpm-rules' },
    spec: { ...(architecture === undefined ? {} : { architecture }), domain: { devices: { tpm }, resources: { requests: { memory: '64Mi' } } } },
  } as unknown as VirtualMachineInstance;
}

describe('TPM admission rules', () => {
  it('accepts every valid shape with no problem', () => {
    for (const tpm of [undefined, {}, { persistent: true }, { enabled: true, persistent: false }, { enabled: false }]) {
      expect(validateTpm(vmiWithTpm(tpm), 'x86_64')).toEqual([]);
    }
  });

  it('refuses a TPM that is not an object', () => {
    expect(validateTpm(vmiWithTpm('yes'), 'x86_64')).toEqual([
      { path: 'spec.domain.devices.tpm', reason: 'must be an object such as {} or { persistent: true }', severity: 'error', rule: 'tpm:tpm' },
    ]);
  });

  it('refuses enabled and persistent that are not booleans', () => {
    expect(validateTpm(vmiWithTpm({ enabled: 'yes', persistent: 1 }), 'x86_64')).toEqual([
      { path: 'spec.domain.devices.tpm.enabled', reason: 'must be true or false, got "yes"', severity: 'error', rule: 'tpm:tpm' },
      { path: 'spec.domain.devices.tpm.persistent', reason: 'must be true or false, got 1', severity: 'error', rule: 'tpm:tpm' },
    ]);
  });

  it('warns about an unknown field', () => {
    const [problem] = validateTpm(vmiWithTpm({ persistant: true }), 'x86_64');
    expect(problem).toMatchObject({ path: 'spec.domain.devices.tpm.persistant', severity: 'warning' });
  });

  it('warns that persistent does nothing on a disabled TPM', () => {
    expect(validateTpm(vmiWithTpm({ enabled: false, persistent: true }), 'x86_64')).toEqual([
      expect.objectContaining({ path: 'spec.domain.devices.tpm.persistent', severity: 'warning' }),
    ]);
  });

  it('refuses a TPM on s390x, from the VMI or from the host', () => {
    expect(validateTpm(vmiWithTpm({}, 's390x'), 'x86_64')).toEqual([expect.objectContaining({ path: 'spec.domain.devices.tpm', severity: 'error' })]);
    expect(validateTpm(vmiWithTpm({}), 's390x')).toEqual([expect.objectContaining({ path: 'spec.domain.devices.tpm', severity: 'error' })]);
    expect(validateTpm(vmiWithTpm({ enabled: false }, 's390x'), 's390x')).toEqual([]);
  });

  it('stops a conversion with every error named by its field path', () => {
    const converter = createConverter({ plugins: [tpmPlugin] });
    let caught: unknown;
    try {
      converter.convert(vmiWithTpm({ enabled: 'no' }), defaultConverterContext());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VmiInvalidError);
    expect((caught as VmiInvalidError).problems).toContainEqual(expect.objectContaining({ path: 'spec.domain.devices.tpm.enabled', severity: 'error', rule: 'tpm:tpm' }));
  });
});
