// The conventions every package follows, checked rather than hoped for (vercel/ai's konsistent idea).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, workspacePackages } from './workspace.ts';

const packages = workspacePackages();
const published = packages.filter(({ manifest }) => manifest.private !== true);

describe('workspace packages', () => {
  it('finds the packages the layout promises', () => {
    const folders = packages.map(({ folder }) => folder);
    for (const expected of ['packages/core', 'packages/domain-xml', 'packages/vmi', 'packages/libvirt-rpc',
      'packages/domain-manager', 'packages/testing', 'apps/kvmctl', 'tools/guest-image']) {
      expect(folders).toContain(expected);
    }
  });

  it.each(packages.map((pkg) => [pkg.folder, pkg] as const))('%s is an ESM package scoped @kvmkit with a README', (folder, { manifest }) => {
    expect(manifest.name).toMatch(/^@kvmkit\//);
    expect(manifest.license).toBe('Apache-2.0');
    if (folder !== 'tools/tsconfig') expect(manifest.type).toBe('module');
    expect(existsSync(join(repoRoot, folder, 'README.md')), `${folder}/README.md`).toBe(true);
  });

  it.each(published.map((pkg) => [pkg.folder, pkg] as const))('%s is publishable: exports, types, engines, scripts', (folder, { manifest }) => {
    const root = manifest.exports?.['.'] as { types?: string; import?: string } | undefined;
    expect(root?.types).toMatch(/^\.\/dist\/.*\.d\.ts$/);
    expect(root?.import).toMatch(/^\.\/dist\/.*\.js$/);
    expect(manifest.exports?.['./package.json']).toBe('./package.json');
    expect(manifest.engines?.node).toBe('>=22.12.0');
    expect(manifest.publishConfig?.access).toBe('public');
    expect(manifest.repository?.directory).toBe(folder);
    for (const script of ['build', 'typecheck', 'lint', 'test']) expect(manifest.scripts?.[script], script).toBeDefined();
  });

  it('depends on workspace packages by a caret workspace range, so releases keep ranges honest', () => {
    const names = new Set(packages.map(({ manifest }) => manifest.name));
    for (const { folder, manifest } of published) {
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
        if (names.has(dependency)) expect(range, `${folder} → ${dependency}`).toBe('workspace:^');
      }
    }
  });
});
