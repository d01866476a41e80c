import type { ResolvedVolume } from '@kvmkit/core';
import type { BasePluginOptions } from '../options.ts';
import { hasParentSegment } from '../paths/confined-path.ts';
import { formatFromPath } from './image-format.ts';

/** The disk image of a claim, from the `claims` option: a block device under /dev, else a file. */
export function resolveClaim(claimName: string, fieldPath: string, options: BasePluginOptions): ResolvedVolume {
  const path = options.claims[claimName];
  if (path === undefined) throw new Error(`${fieldPath}: claim '${claimName}' is not in the base plugin option claims (known: ${Object.keys(options.claims).join(', ') || 'none'})`);
  if (hasParentSegment(path)) throw new Error(`${fieldPath}: the path of claim '${claimName}' contains '..'`);
  return path.startsWith('/dev/') ? { type: 'block', path, format: 'raw' } : { type: 'file', path, format: formatFromPath(path) };
}
