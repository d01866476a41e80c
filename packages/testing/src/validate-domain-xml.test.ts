import { describe, expect, it } from 'vitest';
import { validateDomainXml } from './validate-domain-xml.ts';

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
});
