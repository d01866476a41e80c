import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDefaults } from './defaults/with-defaults.ts';
import { loadManifests } from './load/load-manifests.ts';
import { validateVmi } from './validate/validate-vmi.ts';

// KubeVirt's own examples, kept in shared/ beside the repository (see its README there):
// `../shared/data/kubevirt-examples` from the repository root.
const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const EXAMPLES = join(REPO_ROOT, '..', 'shared', 'data', 'kubevirt-examples');
const present = existsSync(EXAMPLES);
const files = present ? readdirSync(EXAMPLES).filter((name) => /\.ya?ml$/.test(name)).sort() : [];

/**
 * Examples judged invalid, with the errors expected and why. None is today: every VMI, VM and
 * pool template in the folder passes all core rules (kinds kvmkit skips only warn).
 */
const INVALID: Readonly<Record<string, { reason: string; errors: readonly string[] }>> = {};

const suite = present ? describe : describe.skip;
suite(present ? 'KubeVirt example manifests' : `KubeVirt example manifests (skipped: ${EXAMPLES} not found)`, () => {
  it('are all there (48 files in the folder)', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s loads and validates', (file) => {
    const result = loadManifests(readFileSync(join(EXAMPLES, file), 'utf8'), { source: file });
    expect(result.errors).toEqual([]);
    for (const loaded of result.vmis) {
      const errors = validateVmi(loaded.vmi).filter((problem) => problem.severity === 'error');
      const expected = INVALID[file];
      expect(errors.map((problem) => `${problem.path}: ${problem.reason}`)).toEqual(expected?.errors ?? []);
      // Defaults never make a valid VMI invalid.
      const defaulted = validateVmi(withDefaults(loaded.vmi)).filter((problem) => problem.severity === 'error');
      expect(defaulted.length).toBeLessThanOrEqual(errors.length);
    }
  });
});
