// A real HostOperations for this package's integration tests: the local file system and qemu-img,
// confined to the given roots (what the domain manager's implementation does for production).
import { execFile } from 'node:child_process';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { promisify } from 'node:util';
import type { DiskImageRequest, HostOperations } from '@kvmkit/core';

const execFileAsync = promisify(execFile);

export class LocalHostOperations implements HostOperations {
  readonly #roots: readonly string[];

  constructor(roots: readonly string[]) {
    this.#roots = roots;
  }

  #confined(path: string): string {
    if (!this.#roots.some((root) => { const inside = relative(root, path); return inside !== '' && !inside.startsWith('..'); })) {
      throw new Error(`${path} is outside ${this.#roots.join(', ')}`);
    }
    return path;
  }

  async exists(path: string): Promise<boolean> {
    return access(path).then(() => true, () => false);
  }

  async makeDirectory(path: string): Promise<void> {
    await mkdir(path, { recursive: true });
  }

  async writeFile(path: string, content: Uint8Array | string, options: { mode?: number } = {}): Promise<void> {
    const temporary = `${this.#confined(path)}.tmp`;
    await writeFile(temporary, content, { mode: options.mode ?? 0o644 });
    await rename(temporary, path);
  }

  async removeFile(path: string): Promise<void> {
    await rm(this.#confined(path), { force: true });
  }

  async createDiskImage(request: DiskImageRequest): Promise<void> {
    await mkdir(dirname(this.#confined(request.path)), { recursive: true });
    const backing = request.backingFile === undefined ? [] : ['-b', request.backingFile.path, '-F', request.backingFile.format];
    const size = request.sizeBytes === undefined ? [] : [String(request.sizeBytes)];
    await execFileAsync('qemu-img', ['create', '-q', '-f', request.format, ...backing, request.path, ...size]);
  }

  ensureNetwork(): Promise<void> {
    return Promise.reject(new Error('networks are not part of the base plugin tests'));
  }
}
