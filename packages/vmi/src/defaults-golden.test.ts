import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDefaults } from './defaults/with-defaults.ts';
import { loadManifests } from './load/load-manifests.ts';
import { validateVmi } from './validate/validate-vmi.ts';

// Each folder: input.yaml (one VM or VMI) and expected.json (the VMI after withDefaults).
// KVMKIT_UPDATE_GOLDEN=1 rewrites expected.json; review the diff before committing it.
const FIXTURES = join(import.meta.dirname, '__fixtures__');

describe('withDefaults golden files', () => {
  it.each(readdirSync(FIXTURES))('%s', (fixture) => {
    const loaded = loadManifests(readFileSync(join(FIXTURES, fixture, 'input.yaml'), 'utf8'), { source: fixture });
    expect(loaded.errors).toEqual([]);
    expect(loaded.vmis).toHaveLength(1);
    const vmi = loaded.vmis[0]!.vmi;
    expect(validateVmi(vmi)).toEqual([]);
    const defaulted = withDefaults(vmi);
    const expectedFile = join(FIXTURES, fixture, 'expected.json');
    if (process.env.KVMKIT_UPDATE_GOLDEN === '1') writeFileSync(expectedFile, `${JSON.stringify(defaulted, null, 2)}\n`);
    expect(defaulted).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    expect(validateVmi(defaulted)).toEqual([]);
  });
});
