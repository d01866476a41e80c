import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_ERROR_CODES } from './error-codes.ts';
import { KvmkitError } from './kvmkit-error.ts';

const documented = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documentedCodes = [...documented.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);

describe('error code registry', () => {
  it('documents every code, with a resolution, and nothing stale', () => {
    expect([...documentedCodes].sort()).toEqual(Object.keys(CORE_ERROR_CODES).sort());
    for (const line of documented.split('\n').filter((row) => row.startsWith('| `'))) {
      expect(line.split('|').filter((cell) => cell.trim() !== '')).toHaveLength(3);
    }
  });

  it('recognizes kvmkit errors across copies of core by their marker, not by class', () => {
    const ours = new KvmkitError('VMI_INVALID', 'bad');
    const fromAnotherCopy = Object.assign(new Error('bad'), { [Symbol.for('kvmkit.error')]: true, code: 'VMI_INVALID' });
    expect(KvmkitError.isInstance(ours)).toBe(true);
    expect(KvmkitError.isInstance(fromAnotherCopy)).toBe(true);
    expect(KvmkitError.isInstance(new Error('plain'))).toBe(false);
    expect(KvmkitError.isInstance(undefined)).toBe(false);
  });
});
