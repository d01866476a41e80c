// libvirtd killed with SIGKILL and restarted mid-run: the manager's connection reconnects, its
// event callbacks are registered again, it resyncs, and no domain is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConverter, defaultConverterContext, type DomainStatus } from '@kvmkit/core';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { testPlugin, testVmi } from '../test-support/test-plugin.ts';
import { LibvirtDomainManager } from './libvirt-domain-manager.ts';

const baseDir = mkdtempSync(join(tmpdir(), 'kvmkit-domain-manager-reconnect-'));
const daemons: PrivateLibvirtd[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  for (const daemon of daemons) await daemon.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

describe('LibvirtDomainManager across a libvirtd restart', () => {
  it('reconnects, re-registers events, resyncs and loses no domain', async () => {
    const first = await startLibvirtd({ baseDir, persistent: true });
    daemons.push(first);
    const connection: LibvirtConnection = await connect(first.uri, { reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } });
    cleanups.push(() => connection.close());
    const converter = createConverter({
      plugins: [testPlugin({ kernel: '/boot/vmlinuz', initrd: '/boot/initrd.img', cmdline: 'console=ttyS0', consoleDirectory: baseDir })],
    });
    const directories = { state: join(baseDir, 'state'), volumes: join(baseDir, 'volumes') };
    const manager = new LibvirtDomainManager({ connection, converter, contextProvider: () => Promise.resolve(defaultConverterContext({ virtType: 'qemu', directories })) });
    cleanups.push(() => manager.stop());
    const statuses: DomainStatus[] = [];
    manager.on('status', (status) => statuses.push(status));
    await manager.start();

    // Persistent definitions survive the daemon; QEMU is not needed to prove it.
    await manager.sync({ vmi: testVmi('one'), running: false });
    await manager.sync({ vmi: testVmi('two'), running: false });
    expect((await manager.list()).map((status) => `${status.vmi}=${status.phase}`).sort()).toEqual(['tests/one=Scheduled', 'tests/two=Scheduled']);

    const removed: string[] = [];
    manager.on('removed', ({ vmi }) => removed.push(vmi));
    const reconnected = new Promise<void>((resolve) => connection.once('reconnected', resolve));
    process.kill(first.pid, 'SIGKILL');
    // While the daemon is down a resync fails, and that is not taken as "domains gone".
    await expect.poll(() => manager.resync().then(() => 'ok', () => 'failed'), { timeout: 20_000 }).toBe('failed');
    expect(removed).toEqual([]);

    const second = await startLibvirtd({ baseDir, persistent: true });
    daemons.push(second);
    await reconnected;
    await expect.poll(async () => (await manager.list()).map((status) => `${status.vmi}=${status.phase}`).sort(), { timeout: 20_000 })
      .toEqual(['tests/one=Scheduled', 'tests/two=Scheduled']);
    expect(removed).toEqual([]);

    // Events flow again on the new socket: a new domain's definition and removal are seen.
    await manager.sync({ vmi: testVmi('three'), running: false });
    const gone = new Promise<{ vmi: string }>((resolve) => manager.once('removed', resolve));
    await connection.domainUndefine(await connection.domainLookupByName('tests_three'));
    expect((await gone).vmi).toBe('tests/three');
    expect((await manager.list()).map((status) => status.vmi).sort()).toEqual(['tests/one', 'tests/two']);
  }, 150_000);
});
