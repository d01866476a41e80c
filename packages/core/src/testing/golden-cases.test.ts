import { validateDomainXml } from '@kvmkit/testing';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, type PluginManifest } from '../plugin/v1/plugin-manifest.ts';
import { CORE_VERSION } from '../version.ts';
import { convertGoldenCase, loadGoldenCases } from './golden-cases.ts';
import { RecordingHostOperations } from './recording-host-operations.ts';

const describePlugin = definePlugin({
  specificationVersion: 'v1',
  name: 'test:describe',
  version: '1.0.0',
  core: `>=${CORE_VERSION}`,
  optionsSchema: z.object({ prefix: z.string().default('VM') }),
  configurators: [{
    specificationVersion: 'v1',
    name: 'test:describe',
    configure(vmi, domain, { options }) {
      domain.description = `${options.prefix} ${vmi.metadata?.name ?? ''}`;
      domain.memory = { value: 64, unit: 'MiB' };
      domain.os = { type: { value: 'hvm' } };
    },
  }],
}) as PluginManifest;

const fixtures = fileURLToPath(new URL('./__fixtures__', import.meta.url));

describe('golden cases', () => {
  const cases = loadGoldenCases(fixtures);

  it('finds each case folder with its VMI, options and context', () => {
    expect(cases.map((goldenCase) => goldenCase.name)).toEqual(['labelled-description']);
    expect(cases[0]?.vmi.metadata?.name).toBe('golden');
    expect(cases[0]?.options).toEqual({ 'test:describe': { prefix: 'Golden' } });
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed XML', async (_name, goldenCase) => {
    const { xml } = convertGoldenCase(goldenCase, [describePlugin]);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });
});

describe('RecordingHostOperations', () => {
  it('records what prepare would do and remembers what it created', async () => {
    const host = new RecordingHostOperations(['/images/base.qcow2']);
    expect(await host.exists('/images/base.qcow2')).toBe(true);
    await host.createDiskImage({ path: '/volumes/overlay.qcow2', format: 'qcow2', backingFile: { path: '/images/base.qcow2', format: 'qcow2' } });
    await host.writeFile('/state/meta-data', 'instance-id: golden\n', { mode: 0o600 });
    expect(await host.exists('/volumes/overlay.qcow2')).toBe(true);
    await host.removeFile('/state/meta-data');
    expect(await host.exists('/state/meta-data')).toBe(false);
    expect(host.calls.map((call) => call.operation)).toEqual(['exists', 'createDiskImage', 'writeFile', 'exists', 'removeFile', 'exists']);
  });
});
