import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
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

  it('gives the daemon its own host UUID, hostname and extra configuration when asked', async () => {
    const daemon = await startLibvirtd({
      hostUuid: '0b6e2f6a-8c1d-4f3e-9a2b-7d5c4e3f2a1b',
      hostname: 'kvmkit-node-b',
      extraConfig: { libvirtd: ['max_client_requests = 32'], qemu: ['migration_port_min = 49200'] },
    });
    try {
      expect(readFileSync(join(daemon.layout.configDir, 'libvirtd.conf'), 'utf8')).toMatch(/host_uuid = "0b6e2f6a-8c1d-4f3e-9a2b-7d5c4e3f2a1b"\nmax_client_requests = 32\n/);
      expect(readFileSync(join(daemon.layout.configDir, 'qemu.conf'), 'utf8')).toContain('migration_port_min = 49200\n');
      // Its own UTS namespace, with the name set inside; this process keeps its own.
      expect(readlinkSync(`/proc/${daemon.pid}/ns/uts`)).not.toBe(readlinkSync('/proc/self/ns/uts'));
      expect(execFileSync('nsenter', ['--target', String(daemon.pid), '--uts', 'hostname'], { encoding: 'utf8' }).trim()).toBe('kvmkit-node-b');
      expect(await libvirtdAnswers(daemon.socketPath)).toBe(true);
    } finally {
      await daemon.stop();
    }
  }, 60_000);

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
