import { readFileSync } from 'node:fs';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { launchSecurityElement } from './launch-security-configurator.ts';
import { launchSecurityOptionsSchema } from './launch-security-options.ts';
import { launchSecurityPlugin } from './launch-security-plugin.ts';
import { launchSecurityMigrationBlocker } from './migration-blocker.ts';
import { sevPolicy } from './guest-policy.ts';
import { PLUGIN_VERSION } from './version.ts';

function vmi(launchSecurity: unknown, annotations?: Record<string, string>): VirtualMachineInstance {
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'x', ...(annotations === undefined ? {} : { annotations }) }, spec: { domain: { launchSecurity, devices: {} } } } as unknown as VirtualMachineInstance;
}

const defaults = launchSecurityOptionsSchema.parse({});

describe('launchSecurityElement', () => {
  it('sets NODBG always and ES with encryptedState (KubeVirt SEVPolicyToBits)', () => {
    expect(sevPolicy(false)).toBe('0x0001');
    expect(sevPolicy(true)).toBe('0x0005');
  });

  it('defaults the options: SNP policy 0x30000, nothing else', () => {
    expect(defaults).toEqual({ sev: {}, snp: { policy: '0x30000' }, tdx: {} });
  });

  it('refuses options libvirt would refuse', () => {
    expect(launchSecurityOptionsSchema.safeParse({ snp: { policy: '196608' } }).success).toBe(false);
    expect(launchSecurityOptionsSchema.safeParse({ sev: { cbitpos: 64 } }).success).toBe(false);
    expect(launchSecurityOptionsSchema.safeParse({ tdx: { quoteGenerationServiceSocket: 'relative' } }).success).toBe(false);
  });

  it('takes the QGS socket from the annotation before the option', () => {
    const options = launchSecurityOptionsSchema.parse({ tdx: { quoteGenerationServiceSocket: '/run/option.sock' } });
    expect(launchSecurityElement(vmi({ tdx: {} }, { 'kubevirt.io/qgs-socket-path': '/run/annotation.sock' }), options)?.quoteGenerationService).toEqual({ path: '/run/annotation.sock' });
    expect(launchSecurityElement(vmi({ tdx: {} }), options)?.quoteGenerationService).toEqual({ path: '/run/option.sock' });
    expect(launchSecurityElement(vmi({ tdx: {} }), defaults)?.quoteGenerationService).toEqual({});
  });

  it('writes nothing for a VMI without launch security', () => {
    expect(launchSecurityElement(vmi(undefined), defaults)).toBeUndefined();
  });
});

describe('launchSecurityMigrationBlocker', () => {
  it('blocks migration of confidential guests only', () => {
    expect(launchSecurityMigrationBlocker(vmi({ snp: {} }))).toMatch(/SEV-SNP guests cannot be live-migrated/);
    expect(launchSecurityMigrationBlocker(vmi(undefined))).toBeUndefined();
  });
});

describe('manifest', () => {
  it('declares the version its package.json has and runs in phase post', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(PLUGIN_VERSION).toBe(manifest.version);
    expect(launchSecurityPlugin.version).toBe(manifest.version);
    expect(launchSecurityPlugin.configurators?.[0]?.phase).toBe('post');
  });
});

describe('configure without another plugin', () => {
  it('warns that SEV-SNP found no firmware loader to make a ROM', async () => {
    const { createConverter, defaultConverterContext } = await import('@kvmkit/core');
    const context = defaultConverterContext({ host: { machines: [], efiFirmware: [], launchSecurity: { sev: false, sevSnp: true, tdx: false }, cpuModels: [], hugepageSizesKiB: [] } });
    const snp = { ...vmi({ snp: {} }), spec: { domain: { launchSecurity: { snp: {} }, firmware: { bootloader: { efi: { secureBoot: false } } }, devices: {}, resources: { requests: { memory: '64Mi' } } } } } as unknown as VirtualMachineInstance;
    const { warnings, domain } = createConverter({ plugins: [launchSecurityPlugin] }).convert(snp, context);
    expect(domain.launchSecurity).toEqual({ type: 'sev-snp', policy: '0x30000' });
    expect(warnings).toEqual([expect.objectContaining({ path: 'spec.domain.launchSecurity.snp', severity: 'warning', rule: 'launch-security:launch-security' })]);
  });
});
