// Golden XML per configurator: src/__fixtures__/<case>/vmi.yaml (+ options.json, context.json)
// → expected.xml, reviewed against libvirt's domain XML documentation and validated by its schema.
import { fileURLToPath } from 'node:url';
import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { validateDomainXml } from '@kvmkit/testing';
import { describe, expect, it } from 'vitest';
import { basePlugins } from './plugin.ts';

const fixtures = fileURLToPath(new URL('./__fixtures__', import.meta.url));
const cases = loadGoldenCases(fixtures);

describe('golden cases', () => {
  it('finds every case folder', () => {
    expect(cases.map((goldenCase) => goldenCase.name)).toEqual([
      'clock-features', 'clock-utc-offset-sysinfo', 'cloud-init', 'disks', 'identity-memory',
      'os-efi-auto', 'os-efi-secure-boot', 'os-kernel-boot', 'qemu-commandline', 'serial-pty', 'small-devices', 'virtio-transitional',
    ]);
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed XML, valid for libvirt\'s schema', async (_name, goldenCase) => {
    const { xml, warnings } = convertGoldenCase(goldenCase, basePlugins);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
    expect(warnings.filter((warning) => warning.severity === 'error')).toEqual([]);
  });
});
