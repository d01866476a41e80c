import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoBackingFile } from './host-image-checks.ts';
import { readImageHeader } from './qcow2-header.ts';

const execFileAsync = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'kvmkit-qcow2-'));
afterAll(() => { rmSync(directory, { recursive: true, force: true }); });

describe('qcow2 headers of user images (made by qemu-img)', () => {
  it('finds the backing file of an overlay and none in a plain image or raw data', async () => {
    const base = join(directory, 'base.qcow2');
    const overlay = join(directory, 'overlay.qcow2');
    await execFileAsync('qemu-img', ['create', '-q', '-f', 'qcow2', base, '1M']);
    await execFileAsync('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', base, '-F', 'qcow2', overlay]);
    expect(readImageHeader(readFileSync(base))).toEqual({ isQcow2: true });
    expect(readImageHeader(readFileSync(overlay))).toEqual({ isQcow2: true, backingFile: base });
    expect(readImageHeader(new Uint8Array(512))).toEqual({ isQcow2: false });
    await expect(assertNoBackingFile(base, 'containerDisk')).resolves.toBeUndefined();
    await expect(assertNoBackingFile(overlay, "volume 'root' containerDisk")).rejects.toThrow(`volume 'root' containerDisk: ${overlay} is a qcow2 image with a backing file (${base})`);
  });
});
