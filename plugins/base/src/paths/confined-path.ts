import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/** Thrown when a path would leave the directory it must stay in. */
export class PathEscapeError extends Error {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
    this.name = 'PathEscapeError';
  }
}

/** Whether `path` has a `..` segment (refused outright, even when it would stay inside). */
export function hasParentSegment(path: string): boolean {
  return path.split(/[/\\]/).includes('..');
}

/**
 * `root` joined with `relativePath`, refusing `..` segments and anything that would end outside
 * `root`. A leading `/` in `relativePath` is read as relative to the root (image paths like
 * `/boot/vmlinuz` are inside the image). `fieldPath` names the VMI field for the error.
 */
export function confinedPath(root: string, relativePath: string, fieldPath: string): string {
  if (hasParentSegment(relativePath)) throw new PathEscapeError(fieldPath, `'${relativePath}' contains '..', which is not allowed`);
  if (relativePath.includes('\0')) throw new PathEscapeError(fieldPath, 'the path contains a NUL character');
  const joined = normalize(join(root, relativePath));
  const fromRoot = relative(normalize(root), joined);
  if (fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)) {
    throw new PathEscapeError(fieldPath, `'${relativePath}' resolves outside ${root}`);
  }
  return joined;
}

/** Whether absolute `path` lies under one of `roots` (after normalizing; no `..` allowed). */
export function isUnderOneOf(path: string, roots: readonly string[]): boolean {
  if (!isAbsolute(path) || hasParentSegment(path)) return false;
  const normalized = normalize(path);
  return roots.some((root) => {
    const fromRoot = relative(normalize(root), normalized);
    return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  });
}
