import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { tpmStateDirectory } from './tpm-state-directory.ts';
import { tpmUndefineFlags, VIR_DOMAIN_UNDEFINE_KEEP_TPM, VIR_DOMAIN_UNDEFINE_TPM } from './tpm-undefine-flags.ts';

function vmiWithTpm(tpm: unknown): VirtualMachineInstance {
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'flags' }, spec: { domain: { devices: { tpm } } } } as unknown as VirtualMachineInstance;
}

describe('tpmUndefineFlags', () => {
  it('has libvirt values for the two flags (libvirt-domain.h, since 8.9.0)', () => {
    expect(VIR_DOMAIN_UNDEFINE_TPM).toBe(32);
    expect(VIR_DOMAIN_UNDEFINE_KEEP_TPM).toBe(64);
  });

  it('keeps a persistent TPM state while the VMI lives and removes it when the VMI is deleted', () => {
    expect(tpmUndefineFlags(vmiWithTpm({ persistent: true }), 'vmi-kept')).toBe(VIR_DOMAIN_UNDEFINE_KEEP_TPM);
    expect(tpmUndefineFlags(vmiWithTpm({ persistent: true }), 'vmi-deleted')).toBe(VIR_DOMAIN_UNDEFINE_TPM);
  });

  it('removes an ephemeral TPM state at every undefine', () => {
    expect(tpmUndefineFlags(vmiWithTpm({}), 'vmi-kept')).toBe(VIR_DOMAIN_UNDEFINE_TPM);
    expect(tpmUndefineFlags(vmiWithTpm({}), 'vmi-deleted')).toBe(VIR_DOMAIN_UNDEFINE_TPM);
  });

  it('leaves libvirt alone for a VMI without a TPM, except to clean up when it is deleted', () => {
    expect(tpmUndefineFlags(vmiWithTpm(undefined), 'vmi-kept')).toBe(0);
    expect(tpmUndefineFlags(vmiWithTpm({ enabled: false, persistent: true }), 'vmi-kept')).toBe(0);
    expect(tpmUndefineFlags(vmiWithTpm(undefined), 'vmi-deleted')).toBe(VIR_DOMAIN_UNDEFINE_TPM);
  });
});

describe('tpmStateDirectory', () => {
  it('is libvirt swtpm directory keyed by the lower-case domain UUID', () => {
    expect(tpmStateDirectory('6A1A24A1-4061-4607-8BF4-A3963D0C5895')).toBe('/var/lib/libvirt/swtpm/6a1a24a1-4061-4607-8bf4-a3963d0c5895');
    expect(tpmStateDirectory('6a1a24a1-4061-4607-8bf4-a3963d0c5895', '/tmp/daemon/lib')).toBe('/tmp/daemon/lib/swtpm/6a1a24a1-4061-4607-8bf4-a3963d0c5895');
  });

  it('refuses what is not a UUID, so no path can escape the swtpm directory', () => {
    expect(() => tpmStateDirectory('../../etc')).toThrow(/not a UUID/);
  });
});
