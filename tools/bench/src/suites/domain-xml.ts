// Parse+format throughput of @kvmkit/domain-xml's typed model against fast-xml-parser's own
// untyped round trip (XMLParser → XMLBuilder, preserveOrder) over libvirt's domain XML corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDomainXml, parseDomainXml } from '@kvmkit/domain-xml';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { BenchmarkSuite, Comparison } from '../benchmark-suite.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const corpusDirectory = path.resolve(repositoryRoot, '..', 'shared', 'data', 'libvirt-domain-xml');
const MEASURE_MILLISECONDS = 3000;

function loadCorpus(): string[] {
  if (!existsSync(corpusDirectory)) return [];
  return readdirSync(corpusDirectory)
    .filter((file) => file.endsWith('.xml'))
    .map((file) => readFileSync(path.join(corpusDirectory, file), 'utf8'));
}

/** Documents per second for one pass function, after a warm-up pass. */
function documentsPerSecond(documents: readonly string[], roundTrip: (xml: string) => string): number {
  for (const xml of documents) roundTrip(xml);
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < MEASURE_MILLISECONDS) {
    for (const xml of documents) roundTrip(xml);
    count += documents.length;
  }
  return count / ((performance.now() - start) / 1000);
}

export const suite: BenchmarkSuite = {
  name: 'domain-xml',
  run(): Promise<Comparison[]> {
    const documents = loadCorpus();
    if (documents.length === 0) {
      process.stderr.write(`domain-xml: skipped, ${corpusDirectory} is absent\n`);
      return Promise.resolve([]);
    }
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false });
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the peer the issue names: fast-xml-parser's own builder
    const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', format: true, suppressEmptyNode: true });
    const untyped = documentsPerSecond(documents, (xml) => builder.build(parser.parse(xml)));
    const typed = documentsPerSecond(documents, (xml) => formatDomainXml(parseDomainXml(xml)));
    return Promise.resolve([
      {
        metric: `parse+format of libvirt's corpus (${documents.length} docs)`,
        unit: 'docs/s',
        kvmkit: typed,
        peer: untyped,
        peerName: 'fast-xml-parser XMLParser→XMLBuilder (untyped, preserveOrder)',
        target: 0.33,
      },
    ]);
  },
};
