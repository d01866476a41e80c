// Confidential guests against a real private libvirtd (9.0, QEMU 7.2) on a host without SEV,
// SEV-SNP or TDX: libvirt refuses each one cleanly, and kvmkit refuses them before libvirt when
// the host's capabilities say so.
import { createConverter, defaultConverterContext, VmiInvalidError } from '@kvmkit/core';
import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { connect, LibvirtError, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchSecurityPlugin } from './launch-security-plugin.ts';
import { confidentialSkeletonPlugin } from './test-support/confidential-skeleton-plugin.ts';

const DEFINE_VALIDATE = 1;
const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));

let libvirtd: PrivateLibvirtd;
let libvirt: LibvirtConnection;

beforeAll(async () => {
  libvirtd = await startLibvirtd();
  libvirt = await connect(libvirtd.uri);
}, 60_000);

afterAll(async () => {
  await libvirt.close();
  await libvirtd.stop();
}, 60_000);

/** Defines the case's XML with validation and starts it; returns libvirt's refusal. */
async function refusal(xml: string): Promise<{ stage: 'define' | 'start'; message: string }> {
  let stage: 'define' | 'start' = 'define';
  try {
    const domain = await libvirt.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    stage = 'start';
    await libvirt.domainCreate(domain);
  } catch (error) {
    if (error instanceof LibvirtError) return { stage, message: error.message };
    throw error;
  }
  throw new Error('libvirt accepted a confidential guest on a host without launch security');
}

/** `VIR_DOMAIN_UNDEFINE_NVRAM`: the test domains name an NVRAM file. */
const UNDEFINE_NVRAM = 4;

describe('confidential guests on a libvirtd whose host has no launch security', () => {
  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s is refused at define, with a reason naming what is missing', async (name, goldenCase) => {
    const { xml } = convertGoldenCase(goldenCase, [confidentialSkeletonPlugin, launchSecurityPlugin]);
    const result = await refusal(xml.replace("<domain type='kvm'>", "<domain type='qemu'>"));
    expect(result.stage).toBe('define');
    if (name.startsWith('sev')) {
      // libvirt 9.0 knows SEV; its QEMU capabilities on this host have no sev-guest object.
      expect(result.message).toContain('SEV launch security is not supported with this QEMU binary');
    } else {
      // libvirt 9.0 does not know sev-snp (10.5) or tdx (11.x) at all: its schema refuses them.
      expect(result.message).toContain('XML document failed to validate against schema');
      expect(result.message).toContain('Element launchSecurity failed to validate content');
    }
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s: everything else launch-security changed (iommu, ROMs, stateless loader, PMU) is accepted by libvirt', async (name, goldenCase) => {
    const { domain, xml } = convertGoldenCase(goldenCase, [confidentialSkeletonPlugin, launchSecurityPlugin]);
    const withoutLaunchSecurity = xml.replace(/\n {2}<launchSecurity[\s\S]*<\/launchSecurity>/, '').replace("<domain type='kvm'>", "<domain type='qemu'>");
    expect(withoutLaunchSecurity).not.toContain('launchSecurity');
    const defined = await libvirt.domainDefineXmlFlags(withoutLaunchSecurity, DEFINE_VALIDATE);
    const live = await libvirt.domainGetXmlDesc(defined, 0);
    if (name.startsWith('sev') || name.startsWith('snp')) expect(live).toContain("iommu='on'");
    if (domain.os?.loader?.type === 'rom') expect(live).toMatch(/<loader[^>]*type='rom'/);
    if (name.startsWith('tdx')) expect(live).toContain("<pmu state='off'/>");
    await libvirt.domainUndefineFlags(defined, UNDEFINE_NVRAM);
  });

  it('matches libvirt: its domain capabilities report no SEV here, and kvmkit refuses the VMI first', async () => {
    const capabilities = await libvirt.connectGetDomainCapabilities({ virtType: 'qemu', arch: 'x86_64' });
    expect(capabilities).toContain("<sev supported='no'/>");
    const [sevCase] = cases;
    const converter = createConverter({ plugins: [confidentialSkeletonPlugin, launchSecurityPlugin] });
    const hostWithoutSev = defaultConverterContext({ virtType: 'qemu' });
    expect(() => converter.convert(sevCase!.vmi, hostWithoutSev)).toThrow(VmiInvalidError);
    expect(() => converter.convert(sevCase!.vmi, hostWithoutSev)).toThrow(/spec\.domain\.launchSecurity\.sev: this host does not support SEV/);
  });
});
