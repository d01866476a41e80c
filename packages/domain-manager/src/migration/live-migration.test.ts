// Live migration between two private libvirtds on this one machine: ONE pair of daemons and ONE
// boot of the tiny guest (TCG here) for the whole file. Each daemon has its own host UUID and
// hostname, so libvirt treats them as two hosts. The guest goes A → B (and is adopted there),
// then a throttled B → A migration is cancelled, then the errors.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConverter, definePlugin, KvmkitError, type DomainStatus, type MigrationProgress, type PluginManifest } from '@kvmkit/core';
import { connect, ErrorCode, LibvirtError, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { buildGuestImage, startLibvirtd, virtTypeForTests, waitForFileLine, type GuestImage, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForGuestAgent } from '../agent/wait-for-guest-agent.ts';
import { createHostContextProvider } from '../context/host-context-provider.ts';
import { LibvirtDomainManager } from '../manager/libvirt-domain-manager.ts';
import { testPlugin, testVmi } from '../test-support/test-plugin.ts';

const BOOT_TIMEOUT_MS = 150_000;
const DOMAIN_NAME = 'tests_guest';
const vmi = 'tests/guest';
const workDir = mkdtempSync(join(tmpdir(), 'kvmkit-live-migration-'));

/** One libvirt "host": its daemon, a connection, a manager and the statuses the manager emitted. */
interface Host {
  name: string;
  daemon: PrivateLibvirtd;
  connection: LibvirtConnection;
  manager: LibvirtDomainManager;
  statuses: DomainStatus[];
  /** The VMIs whose domain the manager saw go. */
  removed: string[];
  /** The VMIs (name and synced memory) this host's plugins were asked to release. */
  released: string[];
}

/** Process warnings: where a failed release on a migration's source is reported by default. */
const warnings: string[] = [];
const onWarning = (warning: Error): void => { warnings.push(`${warning.name}: ${warning.message}`); };

/** A plugin whose `release` records the VMI it gets; on node-a it then fails, as a busy firewall would. */
function releaseRecorder(name: string, released: string[]): PluginManifest {
  return definePlugin({
    specificationVersion: 'v1',
    name: 'test:release-recorder',
    version: '0.0.0',
    core: '^0.1.0',
    release(synced) {
      released.push(`${synced.metadata?.name ?? ''} ${String(synced.spec.domain.resources?.requests?.memory)}`);
      return name === 'node-a' ? Promise.reject(new Error('iptables: resource busy')) : Promise.resolve();
    },
  });
}

let image: GuestImage;
let hostA: Host;
let hostB: Host;

async function startHost(name: string, virtType: 'kvm' | 'qemu'): Promise<Host> {
  const daemon = await startLibvirtd({ hostUuid: randomUUID(), hostname: `kvmkit-${name}` });
  const connection = await connect(daemon.uri);
  const directory = join(workDir, name);
  mkdirSync(directory, { recursive: true });
  // Each host converts the VMI with its own directories: the serial log path differs per host.
  const released: string[] = [];
  const converter = createConverter({ plugins: [testPlugin({ ...image, consoleDirectory: directory }), releaseRecorder(name, released)] });
  const contextProvider = createHostContextProvider({ connection, virtType: { virtType }, directories: { state: join(directory, 'state'), volumes: join(directory, 'volumes') } });
  const manager = new LibvirtDomainManager({ connection, converter, contextProvider, agentTimeoutSeconds: 10, agentPolling: false });
  const statuses: DomainStatus[] = [];
  const removed: string[] = [];
  manager.on('status', (status) => statuses.push(status));
  manager.on('removed', (event) => removed.push(event.vmi));
  await manager.start();
  return { name, daemon, connection, manager, statuses, removed, released };
}

async function stopHost(host: Host | undefined): Promise<void> {
  if (host === undefined) return;
  await host.manager.stop();
  await host.connection.close();
  await host.daemon.stop();
}

async function domainState(host: Host): Promise<string> {
  try {
    const domain = await host.connection.domainLookupByName(DOMAIN_NAME);
    return (await host.manager.status(vmi).catch(() => undefined))?.state ?? `defined (${(await host.connection.domainGetState(domain)).state})`;
  } catch (error) {
    if (error instanceof LibvirtError && error.code === ErrorCode.NO_DOMAIN) return 'absent';
    throw error;
  }
}

async function guestShell(host: Host, script: string): Promise<string> {
  const result = await host.manager.exec(vmi, '/bin/sh', ['-c', script], 30);
  expect(result.exitCode).toBe(0);
  return result.stdout.trim();
}

/** Polls `migrationProgress` until `stop` is called; failures (no domain yet or any more) are skipped. */
function sampleProgress(host: Host, intervalMs: number): { samples: MigrationProgress[]; stop: () => Promise<void> } {
  const samples: MigrationProgress[] = [];
  const control = { running: true };
  const loop = (async () => {
    while (control.running) {
      const progress = await host.manager.migrationProgress(vmi).catch(() => undefined);
      if (progress?.dataTotalBytes !== undefined) samples.push(progress);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return { samples, stop: async () => { control.running = false; await loop; } };
}

beforeAll(async () => {
  process.on('warning', onWarning);
  const [guestImage, { virtType }] = await Promise.all([buildGuestImage(), virtTypeForTests()]);
  image = guestImage;
  [hostA, hostB] = await Promise.all([startHost('node-a', virtType), startHost('node-b', virtType)]);
  await hostA.manager.sync({ vmi: testVmi('guest') });
  await waitForFileLine(join(workDir, 'node-a', `${DOMAIN_NAME}.log`), image.readyLine, BOOT_TIMEOUT_MS);
  await waitForGuestAgent({ ping: () => hostA.manager.guestPing(vmi) }, 60_000);
}, BOOT_TIMEOUT_MS + 90_000);

afterAll(async () => {
  process.off('warning', onWarning);
  await Promise.allSettled([stopHost(hostA), stopHost(hostB)]);
  rmSync(workDir, { recursive: true, force: true });
});

describe('live migration between two private libvirtds', () => {
  it('moves the running guest A → B with progress; B adopts it and the guest runs on, not rebooted', async () => {
    await guestShell(hostA, 'mkdir -p /run && echo moved > /run/marker');
    const bootId = await guestShell(hostA, 'cat /proc/sys/kernel/random/boot_id');
    const createdAt = (await hostA.manager.status(vmi)).createdAt;
    expect(createdAt).toBeDefined();

    await hostB.manager.prepareMigration({ vmi: testVmi('guest') });
    const destinationXml = hostB.manager.incomingMigrationXml(vmi);
    // The target converted the VMI for itself: its own serial log path, and nothing defined yet.
    expect(destinationXml).toContain(join(workDir, 'node-b', `${DOMAIN_NAME}.log`));
    expect(await domainState(hostB)).toBe('absent');

    const sampler = sampleProgress(hostA, 50);
    const started = performance.now();
    await hostA.manager.migrate(vmi, { destinationUri: hostB.daemon.uri, migrateUri: 'tcp://127.0.0.1', ...(destinationXml === undefined ? {} : { destinationXml }) });
    const migrationMs = performance.now() - started;
    await sampler.stop();

    expect(await domainState(hostA)).toBe('absent');
    await expect(hostA.manager.status(vmi)).rejects.toMatchObject({ code: 'DOMAIN_NOT_FOUND' });
    expect(hostA.removed).toContain(vmi);
    // The source released the VMI as synced there; its release failing did not fail the
    // migration, it became a process warning. Nothing was released on the target.
    expect(hostA.released).toEqual(['guest 256Mi']);
    expect(hostB.released).toEqual([]);
    await expect.poll(() => warnings).toContainEqual(`KvmkitMigrationWarning: tests/guest migrated to ${hostB.daemon.uri}, but releasing its host set-up on the source failed: plugin 'test:release-recorder' release: iptables: resource busy`);
    await hostB.manager.finalizeMigration(vmi);
    expect(await hostB.manager.status(vmi)).toMatchObject({ phase: 'Running', state: 'running', createdAt });
    expect(hostB.statuses.some((status) => status.vmi === vmi && status.phase === 'Running')).toBe(true);
    // Adopted with its agent connected: it connected on A, before B could see an event for it.
    expect(hostB.statuses.filter((status) => status.vmi === vmi).at(-1)?.conditions).toContainEqual({ type: 'AgentConnected', status: 'True' });

    // A sample taken while the job ran, else the completed incoming job's figures on B.
    const completed = await hostB.manager.migrationProgress(vmi);
    const observed = sampler.samples.find((sample) => (sample.dataTotalBytes ?? 0n) > 0n) ?? completed;
    expect(observed.dataTotalBytes).toBeGreaterThan(0n);
    console.info(`migration A → B took ${migrationMs.toFixed(0)} ms; ${sampler.samples.length} progress samples; completed job: ${JSON.stringify(completed, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}`);

    // The same guest, still running: the tmpfs marker survived and the boot id is unchanged.
    expect(await guestShell(hostB, 'cat /run/marker')).toBe('moved');
    expect(await guestShell(hostB, 'cat /proc/sys/kernel/random/boot_id')).toBe(bootId);
    // Defined on B with B's own paths, so it survives there as a persistent domain.
    const persistent = await hostB.connection.domainGetXmlDesc(await hostB.connection.domainLookupByName(DOMAIN_NAME), 2);
    expect(persistent).toContain(join(workDir, 'node-b', `${DOMAIN_NAME}.log`));
    expect(persistent).not.toContain(join(workDir, 'node-a'));
  }, 180_000);

  it('cancels a throttled migration B → A: the guest keeps running on B and nothing is left on A', async () => {
    await hostA.manager.prepareMigration({ vmi: testVmi('guest') });
    const destinationXml = hostA.manager.incomingMigrationXml(vmi);
    const migration = hostB.manager.migrate(vmi, {
      destinationUri: hostA.daemon.uri, migrateUri: 'tcp://127.0.0.1', bandwidthMiBps: 1, ...(destinationXml === undefined ? {} : { destinationXml }),
    }).then(() => undefined, (error: unknown) => error);
    await expect.poll(async () => (await hostB.manager.migrationProgress(vmi)).dataProcessedBytes ?? 0n, { timeout: 60_000, interval: 200 }).toBeGreaterThan(0n);
    await hostB.manager.cancelMigration(vmi);

    const outcome = await migration;
    expect(KvmkitError.isInstance(outcome)).toBe(true);
    expect(outcome).toMatchObject({ code: 'MIGRATION_CANCELLED' });
    expect((outcome as KvmkitError).message).toMatch(/^migration of tests\/guest to .* was cancelled; the domain keeps running on the source/);
    // libvirt itself reports the job as aborted, not failed for some other reason.
    expect((outcome as KvmkitError).cause).toMatchObject({ codeName: 'OPERATION_ABORTED' });
    console.info(`cancelled: ${(outcome as KvmkitError).message}`);
    expect(await hostB.manager.status(vmi)).toMatchObject({ phase: 'Running', state: 'running' });
    // A cancelled migration releases nothing: the VMI still runs on B.
    expect(hostB.released).toEqual([]);
    await expect.poll(() => domainState(hostA), { timeout: 30_000 }).toBe('absent');
    expect(await guestShell(hostB, 'cat /run/marker')).toBe('moved');
  }, 120_000);

  it('reports an unknown VMI, an unreachable destination and a cancel without migration clearly; the guest runs on', async () => {
    await expect(hostB.manager.migrate('tests/nobody', { destinationUri: hostA.daemon.uri })).rejects.toMatchObject({ code: 'DOMAIN_NOT_FOUND' });

    const nowhere = `qemu+unix:///system?socket=${encodeURIComponent(join(workDir, 'no-daemon', 'libvirt-sock'))}`;
    const failure = await hostB.manager.migrate(vmi, { destinationUri: nowhere, migrateUri: 'tcp://127.0.0.1' }).then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'MIGRATION_FAILED' });
    expect((failure as Error).message).toContain(`migration of tests/guest to ${nowhere} failed: `);
    console.info(`unreachable destination: ${(failure as Error).message}`);
    expect(await hostB.manager.status(vmi)).toMatchObject({ phase: 'Running', state: 'running' });

    await expect(hostB.manager.cancelMigration(vmi)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(hostA.manager.finalizeMigration(vmi)).rejects.toMatchObject({ code: 'DOMAIN_NOT_FOUND' });
    await expect(hostB.manager.migrate(vmi, { destinationUri: hostA.daemon.uri, bandwidthMiBps: 0 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(readFileSync(join(workDir, 'node-b', `${DOMAIN_NAME}.log`), 'utf8')).not.toContain('KVMKIT-GUEST-READY');
    expect(await guestShell(hostB, 'cat /run/marker')).toBe('moved');
  }, 120_000);
});
