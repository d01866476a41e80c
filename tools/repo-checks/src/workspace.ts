import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  license?: string;
  engines?: { node?: string };
  exports?: Record<string, unknown>;
  publishConfig?: { access?: string };
  repository?: { directory?: string };
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Folder relative to the repository root, e.g. `packages/core`. */
  folder: string;
  manifest: Manifest;
}

/** Every package of the workspace, read from the folders pnpm-workspace.yaml names. */
export function workspacePackages(root: string = repoRoot): WorkspacePackage[] {
  const groups = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
    .split('\n')
    .map((line) => /^\s*-\s*(\S+)\/\*\s*$/.exec(line)?.[1])
    .filter((group): group is string => group !== undefined);
  return groups.flatMap((group) => {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) return [];
    return readdirSync(groupDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(groupDir, entry.name, 'package.json')))
      .map((entry) => {
        const dir = join(groupDir, entry.name);
        return { folder: relative(root, dir), manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest };
      });
  });
}
