import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLUGIN_VERSION } from './version.ts';

describe('plugin version', () => {
  it('matches package.json, so the manifest reports what is installed', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(PLUGIN_VERSION).toBe(manifest.version);
  });
});
