import { open, realpath } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { readImageHeader } from './qcow2-header.ts';

/**
 * Refuses a user-supplied image whose qcow2 header names a backing file. Reads the file
 * directly: `HostOperations` has no read, and this check guards what `prepare` hands to QEMU.
 */
export async function assertNoBackingFile(path: string, fieldPath: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const header = readImageHeader(buffer.subarray(0, bytesRead));
    if (header.backingFile !== undefined) {
      throw new Error(`${fieldPath}: ${path} is a qcow2 image with a backing file (${header.backingFile}); user images with backing files are refused`);
    }
  } finally {
    await handle.close();
  }
}

/** Refuses `path` when, after following symlinks, it is not inside `root` (symlink escapes). */
export async function assertRealPathInside(path: string, root: string, fieldPath: string): Promise<void> {
  const [realFile, realRoot] = await Promise.all([realpath(path), realpath(root)]);
  const fromRoot = relative(realRoot, realFile);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    throw new Error(`${fieldPath}: ${path} resolves to ${realFile}, outside ${root}`);
  }
}
