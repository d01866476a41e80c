import { describe, expect, it } from 'vitest';
import { newerLibvirtDomainSchema, validateDomainXml } from './validate-domain-xml.ts';

const minimal = (inside: string): string => `<domain type='qemu'><name>probe</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>${inside}</domain>`;

describe('validateDomainXml', () => {
  it('accepts a document libvirt would accept', async () => {
    expect(await validateDomainXml(minimal(''))).toEqual({ valid: true, errors: '' });
  });

  it('rejects one that breaks the schema, with xmllint’s reason', async () => {
    const result = await validateDomainXml(minimal("<on_poweroff>explode</on_poweroff>"));
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('domain.xml');
    expect(result.errors).toMatch(/fails to validate|Element|Error/);
  });

  it("validates against a newer libvirt's schema what the host's libvirt predates", async () => {
    const snp = minimal("<launchSecurity type='sev-snp'><policy>0x00030000</policy></launchSecurity>");
    expect((await validateDomainXml(snp)).valid).toBe(false);
    expect(await validateDomainXml(snp, newerLibvirtDomainSchema())).toEqual({ valid: true, errors: '' });
  });

  it('says how to get the newer schema when it is missing', () => {
    expect(() => newerLibvirtDomainSchema({ KVMKIT_CACHE_DIR: '/nonexistent/kvmkit' })).toThrow(/^no newer libvirt schema at \/nonexistent\/kvmkit\/libvirt-schemas\/current\/domain\.rng: run scripts\/setup\.sh/);
  });
});
