// `pnpm bench`: runs every suite in src/suites (or those named on the command line) and prints ratios.
import { readdirSync } from 'node:fs';
import { formatComparisons, type BenchmarkSuite } from './benchmark-suite.ts';

const suitesDir = new URL('./suites/', import.meta.url);
const wanted = process.argv.slice(2);
const files = readdirSync(suitesDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

for (const file of files) {
  const module = (await import(new URL(file, suitesDir).href)) as { suite: BenchmarkSuite };
  if (wanted.length > 0 && !wanted.includes(module.suite.name)) continue;
  process.stdout.write(`${formatComparisons(module.suite.name, await module.suite.run())}\n\n`);
}
