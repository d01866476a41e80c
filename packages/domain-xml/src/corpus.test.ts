import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDomainXml } from './format-domain-xml.ts';
import { parseDomainXml } from './parse-domain-xml.ts';
import { corpusDirectory, corpusFiles, domainSchema } from './testing/corpus.ts';
import { validateWithRelaxNg, xmllintAvailable } from './testing/xmllint.ts';
import { xmlTree } from './testing/xml-tree.ts';

const files = corpusFiles();
if (files.length === 0) console.warn(`skipping the corpus tests: ${corpusDirectory} is absent`);

describe.skipIf(files.length === 0)("libvirt's domain XML corpus", () => {
  const outputDirectory = mkdtempSync(path.join(tmpdir(), 'domain-xml-corpus-'));
  const written: string[] = [];
  afterAll(() => {
    rmSync(outputDirectory, { recursive: true, force: true });
  });

  it('has the expected number of documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(619);
  });

  it('parse then format gives the same XML tree for every document', () => {
    const mismatches: string[] = [];
    for (const file of files) {
      const input = readFileSync(file, 'utf8');
      const output = formatDomainXml(parseDomainXml(input));
      try {
        expect(xmlTree(output)).toEqual(xmlTree(input));
      } catch {
        mismatches.push(path.basename(file));
      }
      const target = path.join(outputDirectory, path.basename(file));
      writeFileSync(target, output);
      written.push(target);
    }
    expect(mismatches).toEqual([]);
  });

  it.skipIf(!xmllintAvailable())("the formatted documents validate against libvirt's RelaxNG schema", () => {
    expect(written.length).toBe(files.length);
    expect(validateWithRelaxNg(domainSchema, written)).toEqual([]);
  }, 120_000);
});
