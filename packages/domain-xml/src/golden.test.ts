import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDomainXml } from './format-domain-xml.ts';
import { parseDomainXml } from './parse-domain-xml.ts';
import { xmlTree } from './testing/xml-tree.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__');

/** Paths of every `unknown` bag in a parsed value: known values must land in typed fields. */
function unknownBags(value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (key === 'unknown' ? [at] : unknownBags(item, `${at}/${key}`)));
}

describe('golden documents', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(`${name}: every value lands in a typed field`, () => {
      const input = readFileSync(path.join(fixtures, name, 'input.xml'), 'utf8');
      const expectedFile = path.join(fixtures, name, 'expected.json');
      const parsed = parseDomainXml(input);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(parsed, null, 2)}\n`);
      expect(parsed).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      expect(unknownBags(parsed)).toEqual([]);
      expect(xmlTree(formatDomainXml(parsed))).toEqual(xmlTree(input));
    });
  }
});
