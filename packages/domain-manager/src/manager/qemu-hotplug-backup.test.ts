// The manager's hotplug and backup against real QEMU with the tiny guest, ONE boot for the file:
// a virtio-mem resize the guest sees in MemTotal, a SCSI disk the guest sees appear and vanish,
// push-mode full and incremental backups whose chain equals the disk, an aborted backup that
// leaves nothing behind, and a checkpoint redefined after a manager restart.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConverter, KvmkitError } from '@kvmkit/core';
import { tinyGuestTestPlugin } from '@kvmkit/core/testing';
import { parseDomainXml } from '@kvmkit/domain-xml';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startGuestLab, waitForFileLine, type GuestLab } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestAgent } from '../agent/guest-agent.ts';
import { waitForGuestAgent } from '../agent/wait-for-guest-agent.ts';
import type { BackupProgress } from '../backup/backup-options.ts';
import { createHostContextProvider } from '../context/host-context-provider.ts';
import { hotplugTestPlugin } from '../test-support/hotplug-test-plugin.ts';
import { testVmi } from '../test-support/test-plugin.ts';
import { stopGuestLab } from '../test-support/stop-guest-lab.ts';
import { LibvirtDomainManager } from './libvirt-domain-manager.ts';

const MiB = 1024n * 1024n;
const CHECKPOINT_DELETE_METADATA_ONLY = 2;
const vmi = 'tests/hotplug';
const domainName = 'tests_hotplug';
const workDir = mkdtempSync(join(tmpdir(), 'kvmkit-domain-manager-hotplug-'));
const dataDisk = join(workDir, 'data.qcow2');
const backups = join(workDir, 'backups');
const consoleLog = join(workDir, 'console.log');
let lab: GuestLab<LibvirtConnection>;
let manager: LibvirtDomainManager;
/** The data disk's name in the guest (the guest names virtio disks by order). */
let dataDevice = '';

function qemuImg(...args: string[]): string {
  return execFileSync('qemu-img', args, { encoding: 'utf8' });
}

function newManager(): LibvirtDomainManager {
  const converter = createConverter({ plugins: [tinyGuestTestPlugin({ ...lab.image, consoleLog }), hotplugTestPlugin({ dataDisk })] });
  const contextProvider = createHostContextProvider({
    connection: lab.connection,
    virtType: { virtType: lab.virtType },
    directories: { state: join(workDir, 'state'), volumes: join(workDir, 'volumes') },
  });
  return new LibvirtDomainManager({ connection: lab.connection, converter, contextProvider, agentTimeoutSeconds: 20, agentPolling: false, hotplugTimeoutMs: 90_000 });
}

/** The standard output of a shell command in the guest; the command must succeed. */
async function guestShell(command: string): Promise<string> {
  const result = await manager.exec(vmi, '/bin/sh', ['-c', command], 120);
  expect(result.exitCode, `${command}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function guestMemTotalKiB(): Promise<number> {
  return Number(/MemTotal:\s+(\d+) kB/.exec(await guestShell('grep MemTotal /proc/meminfo'))?.[1]);
}

/** A consistent copy of the data disk as it is now: the guest is paused while it is copied. */
async function snapshotDataDisk(path: string): Promise<void> {
  await manager.pause(vmi);
  try {
    qemuImg('convert', '-U', '-f', 'qcow2', '-O', 'qcow2', dataDisk, path);
  } finally {
    await manager.unpause(vmi);
  }
}

function actualSize(path: string): number {
  return (JSON.parse(qemuImg('info', '--output', 'json', path)) as { 'actual-size': number })['actual-size'];
}

beforeAll(async () => {
  lab = await startGuestLab(connect);
  mkdirSync(backups);
  qemuImg('create', '-q', '-f', 'qcow2', dataDisk, '256M');
  manager = newManager();
  await manager.start();
}, 150_000);

afterAll(() => stopGuestLab(manager, lab, domainName, workDir), 60_000);

describe('LibvirtDomainManager hotplug and backup on QEMU with the tiny guest', () => {
  it('boots with 1Gi and plugs 512Mi through virtio-mem: the guest sees it', async () => {
    const hotplug = testVmi('hotplug', '1Gi');
    hotplug.spec.domain.memory = { guest: '1Gi', maxGuest: '2Gi' };
    await manager.sync({ vmi: hotplug });
    await waitForFileLine(consoleLog, lab.image.readyLine, 150_000);
    await waitForGuestAgent(new GuestAgent(lab.connection, await lab.connection.domainLookupByName(domainName), vmi, 10), 60_000);

    const bootKiB = await guestMemTotalKiB();
    expect(bootKiB).toBeLessThanOrEqual(1024 * 1024);
    // Resolves on the memory-device-size-change event: the guest has plugged all of it by then.
    await manager.hotplugMemory(vmi, 1536n * MiB);
    const live = parseDomainXml(await lab.connection.domainGetXmlDesc(await lab.connection.domainLookupByName(domainName)));
    expect(live.devices?.memories?.[0]?.target?.current).toEqual({ value: 524288, unit: 'KiB' });
    // The kernel's page structures for the new memory come out of it: allow 16Mi for them.
    await expect.poll(guestMemTotalKiB, { timeout: 30_000 }).toBeGreaterThanOrEqual(bootKiB + (512 - 16) * 1024);
    await expect(manager.hotplugMemory(vmi, 3n * 1024n * MiB)).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { path: 'guestMemoryBytes' } });
  }, 300_000);

  it('attaches a SCSI disk the guest sees, and detaches it on the device-removed event', async () => {
    const hotDisk = join(workDir, 'hot.qcow2');
    qemuImg('create', '-q', '-f', 'qcow2', hotDisk, '16M');
    const before = (await guestShell('ls /sys/block')).split(/\s+/);
    expect(before).not.toContain('sda');
    await manager.attachDisk(vmi, { type: 'file', device: 'disk', driver: { name: 'qemu', type: 'qcow2' }, source: { file: hotDisk }, target: { dev: 'sda', bus: 'scsi' } });
    await expect.poll(async () => (await guestShell('ls /sys/block')).split(/\s+/), { timeout: 60_000 }).toContain('sda');
    expect((await guestShell('cat /sys/block/sda/size')).trim()).toBe(String(16 * 2048));

    await manager.detachDisk(vmi, 'sda');
    const live = parseDomainXml(await lab.connection.domainGetXmlDesc(await lab.connection.domainLookupByName(domainName)));
    expect(live.devices?.disks?.map((disk) => disk.target.dev)).toEqual(['vdb']);
    await expect.poll(async () => (await guestShell('ls /sys/block')).split(/\s+/), { timeout: 60_000 }).not.toContain('sda');
    await expect(manager.detachDisk(vmi, 'sda')).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { path: 'targetDev' } });
  }, 180_000);

  it('takes a full and an incremental backup whose chain is the disk at the second backup', async () => {
    dataDevice = (await guestShell('grep -l kvmkit-data /sys/block/*/serial')).trim().split('/')[3] ?? '';
    expect(dataDevice).toMatch(/^vd[a-z]$/);
    await guestShell(`dd if=/dev/urandom of=/dev/${dataDevice} bs=1M count=32 conv=fsync 2>/dev/null`);
    const progress: BackupProgress[] = [];
    const full = await manager.backup(vmi, { targetDirectory: backups, checkpointName: 'full', disks: ['vdb'], onProgress: (entry) => progress.push(entry) });
    expect(full).toEqual({ checkpointName: 'full', files: [{ disk: 'vdb', path: join(backups, 'vdb.full.qcow2') }] });
    // Polled from libvirt's job stats right after the job started, while it ran.
    expect(progress.length).toBeGreaterThan(0);
    for (const entry of progress) {
      expect(entry.totalBytes).toBe(256n * MiB);
      expect(entry.processedBytes).toBeLessThanOrEqual(entry.totalBytes);
    }

    // 1Mi changes after the checkpoint; only that goes into the incremental.
    await guestShell(`dd if=/dev/urandom of=/dev/${dataDevice} bs=1M count=1 seek=40 conv=fsync 2>/dev/null`);
    const incremental = await manager.backup(vmi, { targetDirectory: backups, checkpointName: 'incr', incrementalFrom: 'full', disks: ['vdb'] });
    const snapshot = join(workDir, 'at-incr.qcow2');
    await snapshotDataDisk(snapshot);

    const incrementalFile = incremental.files[0]?.path ?? '';
    qemuImg('rebase', '-u', '-b', full.files[0]?.path ?? '', '-F', 'qcow2', incrementalFile);
    expect(qemuImg('compare', '-f', 'qcow2', '-F', 'qcow2', incrementalFile, snapshot)).toContain('Images are identical');
    // The full copy holds the 32Mi written, the incremental about the 1Mi changed since.
    expect(actualSize(full.files[0]?.path ?? '')).toBeGreaterThan(32 * 1024 * 1024);
    expect(actualSize(incrementalFile)).toBeLessThan(4 * 1024 * 1024);
    expect((await manager.status(vmi)).state).toBe('running');
  }, 180_000);

  it('aborts a backup: the VM keeps running, no file and no checkpoint are left', async () => {
    await guestShell(`dd if=/dev/urandom of=/dev/${dataDevice} bs=1M count=64 seek=64 conv=fsync 2>/dev/null`);
    const controller = new AbortController();
    const outcome = await manager.backup(vmi, {
      targetDirectory: backups, checkpointName: 'aborted', disks: ['vdb'],
      onProgress: () => { controller.abort(); }, signal: controller.signal,
    }).catch((error: unknown) => error);
    expect(KvmkitError.isInstance(outcome) && outcome.code).toBe('BACKUP_FAILED');
    expect(existsSync(join(backups, 'vdb.aborted.qcow2'))).toBe(false);
    await expect(manager.checkpointDefinition(vmi, 'aborted')).rejects.toMatchObject({ code: 'LIBVIRT_CALL_FAILED' });
    expect((await manager.status(vmi)).state).toBe('running');
  }, 120_000);

  it('serves the next incremental from a checkpoint redefined after a manager restart', async () => {
    const saved = await manager.checkpointDefinition(vmi, 'incr');
    const domain = await lab.connection.domainLookupByName(domainName);
    await lab.connection.domainCheckpointDelete(await lab.connection.domainCheckpointLookupByName(domain, 'incr'), CHECKPOINT_DELETE_METADATA_ONLY);
    await manager.stop();
    manager = newManager();
    await manager.start();
    // Adopted while running: the agent's connect event is long gone, its channel state tells.
    expect((await manager.status(vmi)).conditions).toContainEqual(expect.objectContaining({ type: 'AgentConnected', status: 'True' }));

    await manager.redefineCheckpoint(vmi, saved);
    await guestShell(`dd if=/dev/urandom of=/dev/${dataDevice} bs=1M count=1 seek=8 conv=fsync 2>/dev/null`);
    const next = await manager.backup(vmi, { targetDirectory: backups, checkpointName: 'next', incrementalFrom: 'incr', disks: ['vdb'] });
    const snapshot = join(workDir, 'at-next.qcow2');
    await snapshotDataDisk(snapshot);
    const nextFile = next.files[0]?.path ?? '';
    // The aborted backup's 64Mi are in this incremental too: they changed after 'incr'.
    qemuImg('rebase', '-u', '-b', join(backups, 'vdb.incr.qcow2'), '-F', 'qcow2', nextFile);
    expect(qemuImg('compare', '-f', 'qcow2', '-F', 'qcow2', nextFile, snapshot)).toContain('Images are identical');
  }, 180_000);
});
