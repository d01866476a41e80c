import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifests, withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { defaultConverterContext, type ConverterContext } from '../context/converter-context.ts';
import type { PluginManifest } from '../plugin/v1/plugin-manifest.ts';
import { createConverter } from '../pipeline/create-converter.ts';
import type { ConversionResult } from '../pipeline/conversion-result.ts';

/**
 * One golden case: a folder holding `vmi.yaml` (the input, as a user writes it), optionally
 * `options.json` (options per plugin name) and `context.json` (converter context overrides),
 * and `expected.xml`, the reviewed output. Adding a case means adding a folder, not code.
 */
export interface GoldenCase {
  name: string;
  directory: string;
  vmi: VirtualMachineInstance;
  options: Record<string, unknown>;
  context: Partial<ConverterContext>;
  /** Where the expected XML is (it may not exist yet: a snapshot test writes it with `-u`). */
  expectedXmlPath: string;
}

function readJson(path: string): Record<string, unknown> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
}

/** Every case folder under `fixturesDirectory`, in name order. */
export function loadGoldenCases(fixturesDirectory: string): GoldenCase[] {
  return readdirSync(fixturesDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(fixturesDirectory, entry.name, 'vmi.yaml')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const directory = join(fixturesDirectory, name);
      const source = join(directory, 'vmi.yaml');
      const loaded = loadManifests(readFileSync(source, 'utf8'), { source });
      const first = loaded.vmis[0];
      if (loaded.errors.length > 0 || first === undefined) {
        throw new Error(`golden case ${name}: ${loaded.errors.map((issue) => issue.message).join('; ') || 'no VMI in vmi.yaml'}`);
      }
      const context = readJson(join(directory, 'context.json'));
      if (Array.isArray(context.featureGates)) context.featureGates = new Set(context.featureGates as string[]);
      return { name, directory, vmi: first.vmi, options: readJson(join(directory, 'options.json')), context, expectedXmlPath: join(directory, 'expected.xml') };
    });
}

/**
 * Converts a golden case the way an agent does: defaults applied visibly first, then the
 * plugins, with the case's options and context.
 */
export function convertGoldenCase(goldenCase: GoldenCase, plugins: readonly PluginManifest[]): ConversionResult {
  const converter = createConverter({ plugins, options: goldenCase.options });
  const context = defaultConverterContext(goldenCase.context);
  return converter.convert(withDefaults(goldenCase.vmi), context);
}
