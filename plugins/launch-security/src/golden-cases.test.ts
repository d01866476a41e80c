import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { newerLibvirtDomainSchema, validateDomainXml } from '@kvmkit/testing';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launchSecurityPlugin } from './launch-security-plugin.ts';
import { confidentialSkeletonPlugin } from './test-support/confidential-skeleton-plugin.ts';

const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));

describe('golden cases', () => {
  it('has a case for each launch-security type and option', () => {
    expect(cases.map((goldenCase) => goldenCase.name)).toEqual(['sev', 'sev-attestation', 'sev-es-guest-owner', 'snp', 'snp-host-options', 'tdx', 'tdx-annotated-qgs']);
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed XML', async (_name, goldenCase) => {
    const { xml, warnings } = convertGoldenCase(goldenCase, [confidentialSkeletonPlugin, launchSecurityPlugin]);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    expect(warnings).toEqual([]);
    const validation = await validateDomainXml(xml);
    if (goldenCase.name.startsWith('sev')) {
      expect(validation).toEqual({ valid: true, errors: '' });
    } else {
      // libvirt 9.0's schema knows only sev and s390-pv (sev-snp came in 10.5, tdx in 11.x):
      // everything else in the document is valid, and the one complaint is <launchSecurity>.
      expect(validation.valid).toBe(false);
      expect(validation.errors).toMatch(/launchSecurity/);
      expect(validation.errors.split('\n').filter((line) => line.includes('error') || line.includes('Expecting')).every((line) => line.includes('launchSecurity'))).toBe(true);
      // A libvirt that knows them (Debian's development suite's, fetched by setup) accepts it all.
      expect(await validateDomainXml(xml, newerLibvirtDomainSchema())).toEqual({ valid: true, errors: '' });
    }
  });
});
