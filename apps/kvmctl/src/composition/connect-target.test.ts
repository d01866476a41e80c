import { connect } from '@kvmkit/libvirt-rpc';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConnectTarget } from './connect-target.ts';

const state = mkdtempSync(join(tmpdir(), 'kvmctl-connect-'));
const daemonsToStop: PrivateLibvirtd[] = [];
afterAll(async () => {
  for (const daemon of daemonsToStop) await daemon.stop();
  rmSync(state, { recursive: true, force: true });
}, 60_000);

describe('which libvirtd kvmctl talks to', () => {
  it('takes --connect over LIBVIRT_DEFAULT_URI, as virsh -c does', async () => {
    expect(await resolveConnectTarget('qemu:///session', state, { LIBVIRT_DEFAULT_URI: 'test:///default' })).toEqual({ uri: 'qemu:///session', reason: '--connect' });
  });

  it('honours LIBVIRT_DEFAULT_URI when no --connect is given', async () => {
    expect(await resolveConnectTarget(undefined, state, { LIBVIRT_DEFAULT_URI: 'qemu+tcp://virt-host.example/system' })).toEqual({ uri: 'qemu+tcp://virt-host.example/system', reason: 'LIBVIRT_DEFAULT_URI' });
  });

  it('takes the system daemon when its socket answers', async () => {
    const standIn = await startLibvirtd();
    daemonsToStop.push(standIn);
    const target = await resolveConnectTarget(undefined, state, {}, standIn.socketPath);
    expect(target).toEqual({ uri: `qemu+unix:///system?socket=${encodeURIComponent(standIn.socketPath)}`, reason: 'the system libvirtd answers' });
    const connection = await connect(target.uri);
    try {
      expect(await connection.connectGetLibVersion()).toBeGreaterThanOrEqual(9_000_000n);
    } finally {
      await connection.close();
    }
  }, 60_000);

  it("starts kvmkit's own libvirtd under the state directory when there is no system daemon, and reuses it next time", async () => {
    const noSystemDaemon = join(state, 'no-such-dir', 'libvirt-sock');
    const first = await resolveConnectTarget(undefined, state, {}, noSystemDaemon);
    const baseDir = join(state, 'libvirtd');
    // Stopped through a handle on the same directory, which a persistent start reuses.
    daemonsToStop.push(await startLibvirtd({ baseDir, persistent: true }));
    expect(first.reason).toBe(`kvmkit's private libvirtd in ${baseDir}`);
    expect(first.uri).toMatch(/^qemu\+unix:\/\/\/(system|session)\?socket=/);
    const pid = readFileSync(join(baseDir, 'libvirtd.pid'), 'utf8').trim();
    const connection = await connect(first.uri);
    try {
      expect(await connection.connectGetLibVersion()).toBeGreaterThanOrEqual(9_000_000n);
    } finally {
      await connection.close();
    }
    // A second kvmctl run finds the daemon the first one left running.
    expect(await resolveConnectTarget(undefined, state, {}, noSystemDaemon)).toEqual(first);
    expect(readFileSync(join(baseDir, 'libvirtd.pid'), 'utf8').trim()).toBe(pid);
  }, 90_000);
});
