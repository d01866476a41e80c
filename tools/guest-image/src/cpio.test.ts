import { spawnSync } from 'node:child_process';
import { lstat, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CpioEntry, normalizeArchivePath, writeCpio } from './cpio.ts';

const hasCpio = spawnSync('cpio', ['--version']).status === 0;
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// Sizes 0..5 and an odd large one exercise every 4-byte padding case.
const binary = Buffer.from(Array.from({ length: 1001 }, (_, i) => (i * 37) % 256));
const entries: CpioEntry[] = [
  { type: 'directory', path: 'bin' },
  { type: 'directory', path: 'etc', mode: 0o750, mtime: 1_700_000_000 },
  { type: 'directory', path: 'etc/deep/', mode: 0o700 },
  { type: 'file', path: 'etc/deep/secret', data: 'top secret\n', mode: 0o600 },
  { type: 'file', path: 'bin/tool', data: '#!/bin/sh\necho hi\n', mode: 0o755, mtime: 1_600_000_000 },
  { type: 'file', path: 'empty', data: '' },
  ...[1, 2, 3, 4, 5].map((size): CpioEntry => ({ type: 'file', path: `size-${size}`, data: binary.subarray(0, size) })),
  { type: 'file', path: './binary.dat', data: binary, mode: 0o640 },
  { type: 'file', path: 'ünïcode name.txt', data: 'ü\n' },
  { type: 'symlink', path: 'bin/sh', target: 'tool' },
  { type: 'symlink', path: 'absolute-link', target: '/etc/deep/secret' },
  { type: 'symlink', path: 'dangling', target: 'does/not/exist' },
];

describe('writeCpio', () => {
  it('pads every record to 4 bytes and ends with the trailer', () => {
    const archive = writeCpio(entries);
    expect(archive.length % 4).toBe(0);
    expect(archive.subarray(0, 6).toString('ascii')).toBe('070701');
    expect(archive.includes(Buffer.from('TRAILER!!!\0'))).toBe(true);
  });

  it('is deterministic', () => {
    expect(writeCpio(entries).equals(writeCpio(entries))).toBe(true);
  });

  it('rejects duplicates and unsafe paths', () => {
    expect(() => writeCpio([{ type: 'directory', path: 'a' }, { type: 'directory', path: './a/' }])).toThrow(/duplicate/);
    expect(() => normalizeArchivePath('../etc')).toThrow(/\.\./);
    expect(() => normalizeArchivePath('/')).toThrow(/empty/);
    expect(normalizeArchivePath('/usr//bin/./x/')).toBe('usr/bin/x');
  });

  it.skipIf(!hasCpio)('writes character devices that GNU cpio lists with their numbers', () => {
    const archive = writeCpio([{ type: 'directory', path: 'dev' }, { type: 'chardev', path: 'dev/console', major: 5, minor: 1 }]);
    const result = spawnSync('cpio', ['-itv', '--numeric-uid-gid'], { input: archive, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^crw------- +1 0 +0 +5, +1 .* dev\/console$/m);
  });

  it.skipIf(!hasCpio)('is extracted by GNU cpio with the same contents, modes and links', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kvmkit-cpio-'));
    tempDirs.push(dir);
    const result = spawnSync('cpio', ['-idmv', '--no-absolute-filenames'], { cwd: dir, input: writeCpio(entries) });
    expect(result.status, result.stderr.toString()).toBe(0);

    for (const entry of entries) {
      const path = join(dir, normalizeArchivePath(entry.path));
      const stats = await lstat(path);
      if (entry.type === 'directory') {
        expect(stats.isDirectory()).toBe(true);
        expect(stats.mode & 0o7777).toBe(entry.mode ?? 0o755);
      } else if (entry.type === 'file') {
        expect(stats.isFile()).toBe(true);
        expect(stats.mode & 0o7777).toBe(entry.mode ?? 0o644);
        expect((await readFile(path)).equals(Buffer.from(entry.data))).toBe(true);
        expect(Math.floor(stats.mtimeMs / 1000)).toBe(entry.mtime ?? 0);
      } else if (entry.type === 'symlink') {
        expect(stats.isSymbolicLink()).toBe(true);
        expect(await readlink(path)).toBe(entry.target);
      }
    }
  });
});
