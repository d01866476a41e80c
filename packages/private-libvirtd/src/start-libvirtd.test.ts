import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from './process-cleanup.ts';
import { libvirtdAnswers } from './rpc-probe.ts';
import { startLibvirtd } from './start-libvirtd.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kvmkit-start-libvirtd-'));
afterAll(() => { rmSync(scratch, { recursive: true, force: true }); });

describe('startLibvirtd', () => {
  it('runs a private daemon on its own socket and removes every trace on stop', async () => {
    const daemon = await startLibvirtd();
    try {
      expect(daemon.socketPath.startsWith(daemon.layout.baseDir)).toBe(true);
      expect(daemon.uri).toBe(`qemu+unix:///system?socket=${encodeURIComponent(daemon.socketPath)}`);
      expect(await libvirtdAnswers(daemon.socketPath)).toBe(true);
      expect(readFileSync(join(daemon.layout.configDir, 'libvirtd.conf'), 'utf8')).toContain('auth_unix_rw = "none"');
      // It is not the system daemon: the system socket, if any, is elsewhere.
      expect(daemon.socketPath).not.toBe('/run/libvirt/libvirt-sock');
    } finally {
      await daemon.stop();
    }
    expect(isAlive(daemon.pid)).toBe(false);
    expect(existsSync(daemon.layout.baseDir)).toBe(false);
    await daemon.stop(); // a second stop is harmless
  }, 60_000);

  it('reports a daemon that dies at start with its own log lines', async () => {
    const fakeLibvirtd = join(scratch, 'fake-libvirtd');
    writeFileSync(fakeLibvirtd, '#!/bin/sh\necho "error : cannot bind: the fake refuses" >&2\nexit 3\n', { mode: 0o755 });
    const baseDir = join(scratch, 'failing');
    await expect(startLibvirtd({ libvirtdPath: fakeLibvirtd, baseDir })).rejects.toThrow(/exited \(3\)[\s\S]*the fake refuses/);
    expect(existsSync(baseDir)).toBe(false);
  });

  it('keeps a persistent daemon running for the next caller, who reuses it', async () => {
    const baseDir = join(scratch, 'persistent');
    const first = await startLibvirtd({ baseDir, persistent: true });
    try {
      const second = await startLibvirtd({ baseDir, persistent: true });
      expect(second.pid).toBe(first.pid);
      expect(await libvirtdAnswers(second.socketPath)).toBe(true);
      await second.stop();
      expect(isAlive(first.pid)).toBe(false);
      expect(existsSync(baseDir)).toBe(true);
    } finally {
      await first.stop();
    }
  }, 60_000);
});
