import { isAbsolute, relative, resolve } from 'node:path';
import type { ConverterDirectories } from '@kvmkit/core';
import { domainManagerError } from '../errors/domain-manager-errors.ts';

/**
 * Returns `path` resolved, or throws when it lies outside every allowed directory (after
 * resolving `..`), so a plugin's prepare step cannot write anywhere else on the host.
 */
export function confinePath(path: string, directories: ConverterDirectories, field: string): string {
  if (!isAbsolute(path)) throw domainManagerError('HOST_PATH_OUTSIDE_DIRECTORIES', `${field}: '${path}' is not an absolute path`, { path: field });
  const resolved = resolve(path);
  for (const directory of [directories.state, directories.volumes]) {
    const inside = relative(resolve(directory), resolved);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return resolved;
  }
  throw domainManagerError('HOST_PATH_OUTSIDE_DIRECTORIES', `${field}: '${path}' lies outside the state directory '${directories.state}' and the volumes directory '${directories.volumes}'`, { path: field });
}
