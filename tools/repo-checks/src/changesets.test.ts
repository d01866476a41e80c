// `pnpm changeset version` must bump only the packages a changeset names, each with a CHANGELOG
// entry. Run against a copy of the workspace's manifests so the repository itself is untouched.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, workspacePackages, type Manifest } from './workspace.ts';

const execFileAsync = promisify(execFile);
const copy = mkdtempSync(join(tmpdir(), 'kvmkit-changesets-'));
afterAll(() => { rmSync(copy, { recursive: true, force: true }); });

function copyWorkspaceManifests(): void {
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
    mkdirSync(join(copy, file, '..'), { recursive: true });
    cpSync(join(repoRoot, file), join(copy, file));
  }
  for (const { folder } of workspacePackages()) {
    mkdirSync(join(copy, folder), { recursive: true });
    cpSync(join(repoRoot, folder, 'package.json'), join(copy, folder, 'package.json'));
  }
  // Pending changesets of the real repository are not part of this scenario; the changelog
  // generator is resolved from the copy's node_modules.
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
}

function writeChangeset(id: string, bumps: Record<string, 'patch' | 'minor' | 'major'>, summary: string): void {
  const header = Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`).join('\n');
  writeFileSync(join(copy, '.changeset', `${id}.md`), `---\n${header}\n---\n\n${summary}\n`);
}

async function changesetVersion(): Promise<void> {
  const cli = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js');
  await execFileAsync(process.execPath, [cli, 'version'], { cwd: copy });
}

const manifest = (folder: string): Manifest => JSON.parse(readFileSync(join(copy, folder, 'package.json'), 'utf8')) as Manifest;
const versions = (): Record<string, string> =>
  Object.fromEntries(workspacePackages().map(({ folder }) => [folder, manifest(folder).version]));

describe('changesets', () => {
  it('bumps only the packages named, each with a CHANGELOG entry', async () => {
    copyWorkspaceManifests();
    // A first release of every published package, then one change to a single leaf dependency.
    const published = workspacePackages().filter(({ manifest: pkg }) => pkg.private !== true);
    writeChangeset('first-release', Object.fromEntries(published.map(({ manifest: pkg }) => [pkg.name, 'minor'])), 'First release.');
    await changesetVersion();
    const afterFirst = versions();
    for (const { folder } of published) expect(afterFirst[folder], folder).toMatch(/^0\.[1-9]\d*\.0$/);

    writeChangeset('probe-fix', { '@kvmkit/host-probe': 'patch' }, 'Fix the probe.');
    await changesetVersion();
    const afterFix = versions();
    const changed = Object.keys(afterFix).filter((folder) => afterFix[folder] !== afterFirst[folder]);
    expect(changed).toEqual(['packages/host-probe']);
    expect(afterFix['packages/host-probe']).toBe(afterFirst['packages/host-probe']?.replace(/0$/, '1'));
    const changelog = readFileSync(join(copy, 'packages/host-probe/CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('Fix the probe.');
    expect(existsSync(join(copy, '.changeset', 'probe-fix.md'))).toBe(false);
  }, 60_000);
});
