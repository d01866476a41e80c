import { createHash } from 'node:crypto';
import { type CpioEntry, normalizeArchivePath, writeCpio } from './cpio.ts';

/**
 * The file tree of an initramfs being assembled. Parent directories are
 * added automatically, a later file or symlink replaces an earlier one at the
 * same path (so generated files win over busybox applet links), and the
 * output is sorted so that it does not depend on the order of assembly.
 */
export class InitramfsTree {
  readonly #entries = new Map<string, CpioEntry>();

  directory(path: string, mode = 0o755): this {
    const name = normalizeArchivePath(path);
    const existing = this.#entries.get(name);
    if (existing && existing.type !== 'directory') throw new Error(`initramfs: ${name} is already a ${existing.type}`);
    this.#addParents(name);
    // An explicit mode wins over the default one an implicit parent got.
    this.#entries.set(name, { type: 'directory', path: name, mode });
    return this;
  }

  file(path: string, data: Uint8Array | string, mode = 0o644): this {
    return this.#put({ type: 'file', path, data, mode });
  }

  symlink(path: string, target: string): this {
    return this.#put({ type: 'symlink', path, target });
  }

  chardev(path: string, major: number, minor: number, mode = 0o600): this {
    return this.#put({ type: 'chardev', path, major, minor, mode });
  }

  has(path: string): boolean {
    return this.#entries.has(normalizeArchivePath(path));
  }

  /** Entries with parents before children. */
  entries(): CpioEntry[] {
    return [...this.#entries.keys()].sort().map((name) => this.#entries.get(name) as CpioEntry);
  }

  toCpio(): Buffer {
    return writeCpio(this.entries());
  }

  /** Feeds every entry (type, path, mode, content) into a hash, unambiguously. */
  updateHash(hash: ReturnType<typeof createHash>): void {
    for (const entry of this.entries()) {
      const body =
        entry.type === 'file' ? Buffer.from(entry.data) : entry.type === 'symlink' ? Buffer.from(entry.target) : entry.type === 'chardev' ? Buffer.from(`${entry.major},${entry.minor}`) : Buffer.alloc(0);
      const mode = entry.type === 'symlink' ? 0o777 : (entry.mode ?? 0);
      hash.update(`${entry.type}\0${entry.path}\0${mode.toString(8)}\0${body.length}\0`);
      hash.update(body);
    }
  }

  #put(entry: CpioEntry): this {
    const name = normalizeArchivePath(entry.path);
    if (this.#entries.get(name)?.type === 'directory') throw new Error(`initramfs: ${name} is already a directory`);
    this.#addParents(name);
    this.#entries.set(name, { ...entry, path: name });
    return this;
  }

  #addParents(name: string): void {
    const parts = name.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      const existing = this.#entries.get(parent);
      if (!existing) this.#entries.set(parent, { type: 'directory', path: parent, mode: 0o755 });
      else if (existing.type !== 'directory') throw new Error(`initramfs: ${parent} is a ${existing.type}, not a directory`);
    }
  }
}
