import { createConverter, defaultConverterContext, VmiInvalidError, type ConverterContext } from '@kvmkit/core';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { launchSecurityPlugin } from './launch-security-plugin.ts';
import { validateLaunchSecurity } from './launch-security-rules.ts';

const capableHost: ConverterContext = defaultConverterContext({
  host: { machines: ['q35'], efiFirmware: [], launchSecurity: { sev: true, sevSnp: true, tdx: true }, cpuModels: [], hugepageSizesKiB: [] },
});

interface Shape {
  launchSecurity?: unknown;
  efi?: unknown;
  architecture?: string;
  startStrategy?: string;
  features?: unknown;
  interfaces?: unknown[];
  annotations?: Record<string, string>;
}

function vmi(shape: Shape): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'confidential', ...(shape.annotations === undefined ? {} : { annotations: shape.annotations }) },
    spec: {
      ...(shape.architecture === undefined ? {} : { architecture: shape.architecture }),
      ...(shape.startStrategy === undefined ? {} : { startStrategy: shape.startStrategy }),
      domain: {
        launchSecurity: shape.launchSecurity,
        ...(shape.efi === undefined ? {} : { firmware: { bootloader: { efi: shape.efi } } }),
        ...(shape.features === undefined ? {} : { features: shape.features }),
        devices: shape.interfaces === undefined ? {} : { interfaces: shape.interfaces },
        resources: { requests: { memory: '256Mi' } },
      },
    },
  } as unknown as VirtualMachineInstance;
}

const noSecureBoot = { secureBoot: false };

/** The only problem of `shape`, checked for its path and severity. */
function onlyProblem(shape: Shape, context: ConverterContext = capableHost): VmiProblem {
  const problems = validateLaunchSecurity(vmi(shape), context);
  expect(problems).toHaveLength(1);
  expect(problems[0]?.severity).toBe('error');
  expect(problems[0]?.rule).toBe('launch-security:launch-security');
  return problems[0]!;
}

describe('launch-security admission rules', () => {
  it('accepts a valid VMI of each type', () => {
    expect(validateLaunchSecurity(vmi({ launchSecurity: { sev: {} }, efi: noSecureBoot }), capableHost)).toEqual([]);
    expect(validateLaunchSecurity(vmi({ launchSecurity: { sev: { policy: { encryptedState: true }, dhCert: 'AAAA', session: 'AAAA' } }, efi: noSecureBoot }), capableHost)).toEqual([]);
    expect(validateLaunchSecurity(vmi({ launchSecurity: { snp: {} }, efi: noSecureBoot }), capableHost)).toEqual([]);
    expect(validateLaunchSecurity(vmi({ launchSecurity: { tdx: {} }, efi: {} }), capableHost)).toEqual([]);
    expect(validateLaunchSecurity(vmi({}), capableHost)).toEqual([]);
  });

  it('refuses two types at once, and none', () => {
    expect(onlyProblem({ launchSecurity: { sev: {}, tdx: {} }, efi: noSecureBoot })).toMatchObject({ path: 'spec.domain.launchSecurity', reason: expect.stringContaining('sev and tdx') as string });
    expect(onlyProblem({ launchSecurity: {}, efi: noSecureBoot }).path).toBe('spec.domain.launchSecurity');
  });

  it('refuses an architecture other than amd64', () => {
    expect(onlyProblem({ launchSecurity: { sev: {} }, efi: noSecureBoot, architecture: 'arm64' }).path).toBe('spec.architecture');
  });

  it('refuses a type the host does not support, naming it', () => {
    const problem = onlyProblem({ launchSecurity: { snp: {} }, efi: noSecureBoot }, defaultConverterContext());
    expect(problem.path).toBe('spec.domain.launchSecurity.snp');
    expect(problem.reason).toContain('this host does not support SEV-SNP');
  });

  it('requires UEFI', () => {
    expect(onlyProblem({ launchSecurity: { tdx: {} } }).path).toBe('spec.domain.firmware.bootloader.efi');
  });

  it('refuses Secure Boot with SEV and SEV-SNP, also when secureBoot is left to its default', () => {
    expect(onlyProblem({ launchSecurity: { sev: {} }, efi: { secureBoot: true } }).path).toBe('spec.domain.firmware.bootloader.efi.secureBoot');
    expect(onlyProblem({ launchSecurity: { snp: {} }, efi: {} }).path).toBe('spec.domain.firmware.bootloader.efi.secureBoot');
  });

  it('refuses persistent EFI variables with SEV-SNP and TDX', () => {
    expect(onlyProblem({ launchSecurity: { snp: {} }, efi: { secureBoot: false, persistent: true } }).path).toBe('spec.domain.firmware.bootloader.efi.persistent');
    expect(onlyProblem({ launchSecurity: { tdx: {} }, efi: { persistent: true } }).path).toBe('spec.domain.firmware.bootloader.efi.persistent');
  });

  it('refuses SMM with TDX', () => {
    expect(onlyProblem({ launchSecurity: { tdx: {} }, efi: {}, features: { smm: {} } }).path).toBe('spec.domain.features.smm');
    expect(validateLaunchSecurity(vmi({ launchSecurity: { tdx: {} }, efi: {}, features: { smm: { enabled: false } } }), capableHost)).toEqual([]);
  });

  it('requires startStrategy Paused for SEV attestation', () => {
    expect(onlyProblem({ launchSecurity: { sev: { attestation: {} } }, efi: noSecureBoot }).path).toBe('spec.startStrategy');
    expect(validateLaunchSecurity(vmi({ launchSecurity: { sev: { attestation: {} } }, efi: noSecureBoot, startStrategy: 'Paused' }), capableHost)).toEqual([]);
  });

  it('refuses a dhCert or session that is not base64, and a session without dhCert', () => {
    expect(onlyProblem({ launchSecurity: { sev: { dhCert: 'not base64!' } }, efi: noSecureBoot }).path).toBe('spec.domain.launchSecurity.sev.dhCert');
    expect(onlyProblem({ launchSecurity: { sev: { dhCert: 'AAAA', session: 'A' } }, efi: noSecureBoot }).path).toBe('spec.domain.launchSecurity.sev.session');
    expect(onlyProblem({ launchSecurity: { sev: { session: 'AAAA' } }, efi: noSecureBoot }).path).toBe('spec.domain.launchSecurity.sev.session');
  });

  it('refuses bootable NICs, naming each one', () => {
    expect(onlyProblem({ launchSecurity: { sev: {} }, efi: noSecureBoot, interfaces: [{ name: 'a' }, { name: 'b', bootOrder: 1 }] }).path).toBe('spec.domain.devices.interfaces[1].bootOrder');
  });

  it('refuses a relative Quote Generation Service socket annotation', () => {
    expect(onlyProblem({ launchSecurity: { tdx: {} }, efi: {}, annotations: { 'kubevirt.io/qgs-socket-path': 'qgs.socket' } }).path).toBe('metadata.annotations.kubevirt.io/qgs-socket-path');
  });

  it('stops a conversion on this host, which has no launch security, with the field path', () => {
    const converter = createConverter({ plugins: [launchSecurityPlugin] });
    expect(() => converter.convert(vmi({ launchSecurity: { sev: {} }, efi: noSecureBoot }), defaultConverterContext())).toThrow(VmiInvalidError);
    expect(() => converter.convert(vmi({ launchSecurity: { sev: {} }, efi: noSecureBoot }), defaultConverterContext())).toThrow(/spec\.domain\.launchSecurity\.sev: this host does not support SEV/);
  });
});
