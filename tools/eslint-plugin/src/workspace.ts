import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** One workspace package as the lint rules see it. */
export interface WorkspacePackage {
  name: string;
  /** Absolute directory of the package. */
  dir: string;
  /** The workspace folder it lives in: `packages`, `plugins`, `apps`, `tools` or `examples`. */
  group: string;
  /** Subpaths the package's `exports` map allows, e.g. `.`, `./testing`. */
  exportedSubpaths: string[];
}

export interface Workspace {
  root: string;
  byName: Map<string, WorkspacePackage>;
}

const WORKSPACE_GROUPS = ['packages', 'plugins', 'apps', 'tools', 'examples'];
const cache = new Map<string, Workspace | undefined>();

interface PackageManifest {
  name?: string;
  exports?: unknown;
}

function readManifest(dir: string): PackageManifest | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as PackageManifest;
}

function exportedSubpaths(exportsField: unknown): string[] {
  if (exportsField === undefined) return [];
  // A string or a conditions object (no key starting with '.') exports only the root.
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return ['.'];
  const keys = Object.keys(exportsField as Record<string, unknown>);
  return keys.some((key) => key.startsWith('.')) ? keys : ['.'];
}

/** Finds the workspace root (the folder holding pnpm-workspace.yaml) above `fromDir`. */
export function findWorkspaceRoot(fromDir: string): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads the workspace's packages once per root; lint runs are short-lived, so no invalidation. */
export function loadWorkspace(fromDir: string): Workspace | undefined {
  const root = findWorkspaceRoot(fromDir);
  if (root === undefined) return undefined;
  if (cache.has(root)) return cache.get(root);
  const byName = new Map<string, WorkspacePackage>();
  for (const group of WORKSPACE_GROUPS) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(groupDir, entry.name);
      const manifest = readManifest(dir);
      if (manifest?.name === undefined) continue;
      byName.set(manifest.name, { name: manifest.name, dir, group, exportedSubpaths: exportedSubpaths(manifest.exports) });
    }
  }
  const workspace = { root, byName };
  cache.set(root, workspace);
  return workspace;
}

/** The workspace package whose folder contains `file`, if any. */
export function packageOfFile(workspace: Workspace, file: string): WorkspacePackage | undefined {
  const absolute = resolve(file);
  for (const candidate of workspace.byName.values()) {
    if (absolute.startsWith(candidate.dir + '/')) return candidate;
  }
  return undefined;
}

/** Splits `@scope/name/sub/path` or `name/sub` into the package name and the `./sub/path` subpath. */
export function splitSpecifier(specifier: string): { packageName: string; subpath: string } {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const packageName = parts.slice(0, nameLength).join('/');
  const rest = parts.slice(nameLength);
  return { packageName, subpath: rest.length === 0 ? '.' : `./${rest.join('/')}` };
}

/** Whether `subpath` matches an `exports` key, including one `*` pattern key like `./types/*`. */
export function isExported(exportedSubpaths: readonly string[], subpath: string): boolean {
  return exportedSubpaths.some((key) => {
    const star = key.indexOf('*');
    if (star === -1) return key === subpath;
    return subpath.startsWith(key.slice(0, star)) && subpath.endsWith(key.slice(star + 1));
  });
}
