// The bar: every typed method is called at least once against a real libvirtd (the test
// driver, or the tiny QEMU guest). This keeps that true as methods are added: each method name
// must be called (`.name(`) in one of the integration test files beside this one.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_AREAS } from '../connection/libvirt-connection.ts';

const integrationDir = fileURLToPath(new URL('.', import.meta.url));
const integrationSources = readdirSync(integrationDir)
  .filter((file) => file.endsWith('.test.ts') && file !== 'typed-method-coverage.test.ts')
  .map((file) => readFileSync(`${integrationDir}/${file}`, 'utf8'))
  .join('\n');

describe('integration coverage of the typed API', () => {
  it('calls every typed method in some integration test', () => {
    const names = API_AREAS.flatMap((area) => Object.keys(area));
    expect(names.length).toBeGreaterThan(90);
    expect(names.filter((name) => !integrationSources.includes(`.${name}(`))).toEqual([]);
  });
});
