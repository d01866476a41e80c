import { join } from 'node:path';
import type { BasePluginOptions } from '../options.ts';

/** A container image reference split into repository name and tag (or digest). */
export interface ImageReference {
  name: string;
  /** The tag (`latest` when none is given) or the digest as `sha256-<hex>`. */
  tag: string;
}

/** Splits `registry:5000/ns/name:tag` or `name@sha256:…`; the tag is `latest` when absent. */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  if (at >= 0) return { name: image.slice(0, at), tag: image.slice(at + 1).replace(':', '-') };
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? { name: image, tag: 'latest' } : { name: image.slice(0, colon), tag: image.slice(colon + 1) };
}

/** The directory name an image's repository takes in the local image directory. */
export function imageDirectoryName(name: string): string {
  return name.replaceAll('/', '_').replaceAll(':', '_');
}

/**
 * The host directory holding the unpacked files of a container image: the `images` option
 * first (exact reference), then `<imageDirectory>/<name>/<tag>/`. Pure: nothing is checked on
 * disk here; prepare checks the files exist. Returns undefined when neither applies.
 */
export function resolveImageDirectory(image: string, options: Pick<BasePluginOptions, 'images' | 'imageDirectory'>): string | undefined {
  const mapped = options.images[image];
  if (mapped !== undefined) return mapped;
  if (options.imageDirectory === undefined) return undefined;
  const reference = parseImageReference(image);
  if (reference.tag.includes('/') || reference.tag.includes('..') || reference.tag === '') return undefined;
  return join(options.imageDirectory, imageDirectoryName(reference.name), reference.tag);
}
