// The manager against libvirt's test driver inside a private libvirtd: lifecycle, events to
// phases, idempotent sync and per-domain serialization. No QEMU is started.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConverter, defaultConverterContext, definePlugin, KvmkitError, type DomainStatus } from '@kvmkit/core';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingConnection } from '../test-support/counting-connection.ts';
import { testPlugin, testVmi } from '../test-support/test-plugin.ts';
import { LibvirtDomainManager } from './libvirt-domain-manager.ts';

const workDir = mkdtempSync(join(tmpdir(), 'kvmkit-domain-manager-test-driver-'));
let daemon: PrivateLibvirtd;
let raw: LibvirtConnection;
let writes: string[];
let manager: LibvirtDomainManager;
const statuses: DomainStatus[] = [];
/** VMIs the prepare plugin's `release` saw, with the memory they were synced with. */
const released: string[] = [];
/** VMIs whose next release fails once. */
const failReleaseOnce = new Set<string>();
/** VMIs the prepare plugin's `prepare` saw. */
const prepared: string[] = [];
const NETWORK_XML = "<network><name>kvmkit-test-net</name><bridge name='kvmkit-br0'/><ip address='192.168.77.1' netmask='255.255.255.0'/></network>";

// A plugin whose prepare steps use the host (a network, an emptyDisk volume source) and whose
// release records the VMI it is given.
const preparePlugin = definePlugin({
  specificationVersion: 'v1',
  name: 'test-local-prepare',
  version: '0.0.0',
  core: '^0.1.0',
  async prepare(vmi, host) {
    prepared.push(vmi.metadata?.name ?? '');
    await host.ensureNetwork('kvmkit-test-net', NETWORK_XML);
  },
  release(vmi) {
    const name = vmi.metadata?.name ?? '';
    if (failReleaseOnce.delete(name)) return Promise.reject(new Error('iptables: resource busy'));
    released.push(`${vmi.metadata?.name ?? ''}:${String(vmi.spec.domain.resources?.requests?.memory)}`);
    return Promise.resolve();
  },
  volumeSources: [{
    kind: 'emptyDisk',
    resolve: (volume, context) => ({ type: 'file', path: join(context.directories.volumes, `${volume.name}.qcow2`), format: 'qcow2' }),
    async prepare(_volume, resolved, host) {
      await host.createDiskImage({ path: resolved.path, format: 'qcow2', sizeBytes: 64n * 1024n * 1024n });
    },
  }],
});

beforeAll(async () => {
  daemon = await startLibvirtd();
  raw = await connect(daemon.testDriverUri);
  const counted = countingConnection(raw);
  writes = counted.writes;
  const converter = createConverter({
    plugins: [testPlugin({ kernel: '/boot/vmlinuz', initrd: '/boot/initrd.img', cmdline: 'console=ttyS0', consoleDirectory: workDir, domainType: 'test' }), preparePlugin],
  });
  const directories = { state: join(workDir, 'state'), volumes: join(workDir, 'volumes') };
  manager = new LibvirtDomainManager({ connection: counted.connection, converter, contextProvider: () => Promise.resolve(defaultConverterContext({ virtType: 'qemu', directories })) });
  manager.on('status', (status) => statuses.push(status));
  await manager.start();
}, 60_000);

afterAll(async () => {
  await manager.stop();
  await raw.close();
  await daemon.stop();
  rmSync(workDir, { recursive: true, force: true });
});

function phasesOf(vmi: string): string[] {
  return statuses.filter((status) => status.vmi === vmi).map((status) => `${status.phase}:${status.state}/${status.reason}`);
}

describe('LibvirtDomainManager on the test driver', () => {
  it('defines and starts a VMI, and a second sync with the same VMI writes nothing', async () => {
    const vmi = testVmi('idempotent');
    const domain = await manager.sync({ vmi });
    expect(domain.name).toBe('tests_idempotent');
    expect(domain.metadata?.kvmkit?.vmi).toMatchObject({ namespace: 'tests', name: 'idempotent' });
    expect(domain.metadata?.kvmkit?.specHash).toMatch(/^xml-sha256:[0-9a-f]{64}$/);
    expect(writes).toEqual(['domainDefineXmlFlags', 'domainCreate']);

    writes.length = 0;
    await manager.sync({ vmi });
    expect(writes).toEqual([]);

    // A changed VMI is defined again (but not restarted: it is running).
    await manager.sync({ vmi: testVmi('idempotent', '512Mi') });
    expect(writes).toEqual(['domainDefineXmlFlags']);
    await expect.poll(() => phasesOf('tests/idempotent').at(-1)).toBe('Running:running/booted');
  });

  it('stamps createdAt on the first define and keeps it when a changed VMI is defined again', async () => {
    const before = Date.now();
    await manager.sync({ vmi: testVmi('aged') });
    const first = (await manager.status('tests/aged')).createdAt;
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(first ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(first ?? '')).toBeLessThanOrEqual(Date.now());

    writes.length = 0;
    await manager.sync({ vmi: testVmi('aged', '512Mi') });
    expect(writes).toEqual(['domainDefineXmlFlags']);
    expect((await manager.status('tests/aged')).createdAt).toBe(first);
    expect((await manager.list()).find((status) => status.vmi === 'tests/aged')?.createdAt).toBe(first);
  });

  it('keeps the VMI as last synced in the domain, for reading it back with its status', async () => {
    await manager.sync({ vmi: testVmi('manifest') });
    const stored = await manager.manifest('tests/manifest');
    expect(stored).toMatchObject({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'manifest', namespace: 'tests' } });
    expect(stored?.spec).toEqual(testVmi('manifest').spec);
    await manager.sync({ vmi: testVmi('manifest', '512Mi') });
    expect((await manager.manifest('tests/manifest'))?.spec).toEqual(testVmi('manifest', '512Mi').spec);
  });

  it('turns pause, resume, shutdown, start, kill and delete into the right phases and conditions', async () => {
    const vmi = 'tests/lifecycle';
    await manager.sync({ vmi: testVmi('lifecycle') });
    await expect.poll(() => phasesOf(vmi).at(-1)).toBe('Running:running/booted');

    await manager.pause(vmi);
    await expect.poll(() => phasesOf(vmi).at(-1)).toBe('Running:paused/user');
    const paused = await manager.status(vmi);
    expect(paused.conditions).toContainEqual(expect.objectContaining({ type: 'Paused', status: 'True', reason: 'PausedUser' }));
    // A user pause is remembered: sync does not resume it.
    writes.length = 0;
    await manager.sync({ vmi: testVmi('lifecycle') });
    expect(writes).toEqual([]);
    expect((await manager.status(vmi)).state).toBe('paused');

    await manager.unpause(vmi);
    await expect.poll(() => phasesOf(vmi).at(-1)).toBe('Running:running/unpaused');

    await manager.gracefulShutdown(vmi, { gracePeriodSeconds: 5 });
    await expect.poll(() => phasesOf(vmi).at(-1)).toMatch(/^Succeeded:shutoff\/(shutdown|destroyed)$/);

    await manager.sync({ vmi: testVmi('lifecycle') });
    await expect.poll(() => phasesOf(vmi).at(-1)).toBe('Running:running/booted');
    await manager.kill(vmi);
    await expect.poll(() => phasesOf(vmi).at(-1)).toBe('Succeeded:shutoff/destroyed');

    const removed = new Promise<{ vmi: string }>((resolve) => manager.once('removed', resolve));
    await manager.delete(vmi);
    expect((await removed).vmi).toBe(vmi);
    expect((await manager.list()).map((status) => status.vmi)).not.toContain(vmi);
    await expect(manager.status(vmi)).rejects.toMatchObject({ code: 'DOMAIN_NOT_FOUND' });
  });

  it('runs plugin and volume-source prepare steps on the host before define', async () => {
    const vmi = testVmi('prepared');
    vmi.spec.volumes = [{ name: 'scratch', emptyDisk: { capacity: '64Mi' } }];
    await manager.sync({ vmi });
    const image = join(workDir, 'volumes', 'scratch.qcow2');
    expect(existsSync(image)).toBe(true);
    const info = JSON.parse(execFileSync('qemu-img', ['info', '--output=json', image], { encoding: 'utf8' })) as { format: string; 'virtual-size': number };
    expect(info).toMatchObject({ format: 'qcow2', 'virtual-size': 64 * 1024 * 1024 });
    expect(await raw.networkIsActive(await raw.networkLookupByName('kvmkit-test-net'))).toBe(true);
    // Prepare is idempotent: a second sync finds the image and the network and writes no domain.
    writes.length = 0;
    await manager.sync({ vmi });
    expect(writes).toEqual([]);
  });

  it('keeps the domain, stopped, when its release fails, and a second delete finishes the job', async () => {
    await manager.sync({ vmi: testVmi('release-fails') });
    failReleaseOnce.add('release-fails');
    await expect(manager.delete('tests/release-fails')).rejects.toMatchObject({ code: 'HOST_OPERATION_FAILED', message: expect.stringMatching(/stopped but not deleted: .*iptables: resource busy/) as unknown });
    expect((await manager.status('tests/release-fails')).state).toBe('shutoff');
    await manager.delete('tests/release-fails');
    await expect(raw.domainLookupByName('tests_release-fails')).rejects.toMatchObject({ codeName: 'NO_DOMAIN' });
    expect(released).toContain('release-fails:256Mi');
  });

  it('refuses an invalid VMI before any host set-up', async () => {
    const invalid = testVmi('invalid', 'lots');
    await expect(manager.sync({ vmi: invalid })).rejects.toMatchObject({ code: 'VMI_INVALID' });
    expect(prepared).not.toContain('invalid');
    await manager.sync({ vmi: testVmi('valid-prepared') });
    expect(prepared).toContain('valid-prepared');
    await manager.delete('tests/valid-prepared');
  });

  it("runs the plugins' release steps with the VMI as synced when it is deleted, and only then", async () => {
    await manager.sync({ vmi: testVmi('released', '96Mi') });
    await manager.pause('tests/released');
    expect(released).not.toContain('released:96Mi');
    await manager.delete('tests/released');
    expect(released.filter((entry) => entry.startsWith('released:'))).toEqual(['released:96Mi']);
  });

  it('leaves a running domain running when a sync fails (libvirt validation refuses the new XML)', async () => {
    const vmi = 'tests/kept';
    await manager.sync({ vmi: testVmi('kept') });
    writes.length = 0;
    const failure = await manager.sync({ vmi: testVmi('kept', '0.5Gi') }).catch((error: unknown) => error);
    // The test plugin reads '0.5Gi' as 0 MiB, which libvirt refuses at define.
    expect(failure).toMatchObject({ code: 'LIBVIRT_CALL_FAILED', details: { vmi } });
    expect(writes).toEqual(['domainDefineXmlFlags']);
    expect(await manager.status(vmi)).toMatchObject({ phase: 'Running', state: 'running' });
  });

  it('defines without starting when running is false: phase Scheduled', async () => {
    await manager.sync({ vmi: testVmi('stopped'), running: false });
    expect(await manager.status('tests/stopped')).toMatchObject({ phase: 'Scheduled', state: 'shutoff' });
  });

  it('serializes concurrent operations on one domain', async () => {
    const vmi = 'tests/concurrent';
    await manager.sync({ vmi: testVmi('concurrent') });
    writes.length = 0;
    // Issued together; each must see the state the previous one left.
    const results = await Promise.allSettled([manager.pause(vmi), manager.unpause(vmi), manager.pause(vmi), manager.unpause(vmi), manager.sync({ vmi: testVmi('concurrent') })]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(writes).toEqual(['domainSuspend', 'domainResume', 'domainSuspend', 'domainResume']);
    expect((await manager.status(vmi)).state).toBe('running');
  });

  it('reports guest-agent calls on a driver without an agent as a typed error, not a hang', async () => {
    await manager.sync({ vmi: testVmi('agentless') });
    const failure = await manager.guestPing('tests/agentless').catch((error: unknown) => error);
    expect(KvmkitError.isInstance(failure)).toBe(true);
    expect((failure as KvmkitError).code).toMatch(/^(UNSUPPORTED_ON_HOST|AGENT_NOT_CONNECTED)$/);
  });

  it('fails what the test driver cannot do with UNSUPPORTED_ON_HOST, and refuses an invalid incoming VMI', async () => {
    // The test driver has no migration: libvirt says so, and the manager passes that on.
    await expect(manager.migrate('tests/agentless', { destinationUri: 'qemu+tcp://elsewhere/system' }))
      .rejects.toMatchObject({ code: 'UNSUPPORTED_ON_HOST', message: expect.stringContaining('live migration of tests/agentless is unsupported on this host') as unknown });
    expect((await manager.status('tests/agentless')).state).toBe('running');
    const incoming = { vmi: { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'arriving', namespace: 'tests' }, spec: { domain: { devices: {} } } } };
    await expect(manager.prepareMigration(incoming)).rejects.toMatchObject({ code: 'VMI_INVALID' });
    await expect(manager.sevInfo('tests/agentless')).resolves.toEqual({ supported: false });
  });

  it('adopts domains with kvmkit metadata when a new manager starts', async () => {
    const converter = createConverter({ plugins: [] });
    // A domain stamped before createdAt existed: adopted, but with no creation time.
    await raw.domainDefineXmlFlags(
      "<domain type='test'><name>tests_legacy</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>"
      + "<metadata><kvmkit:domain xmlns:kvmkit='https://kvmkit.dev/xmlns/domain/1'><kvmkit:vmi namespace='tests' name='legacy'/></kvmkit:domain></metadata></domain>",
      0,
    );
    const aged = (await manager.status('tests/aged')).createdAt;
    // libvirtd refuses a second callback for the same event on one connection: use another one.
    const second = await connect(daemon.testDriverUri);
    const adopter = new LibvirtDomainManager({ connection: second, converter, contextProvider: () => Promise.resolve(defaultConverterContext()) });
    await adopter.start();
    try {
      const listed = await adopter.list();
      const adopted = listed.map((status) => `${status.vmi}=${status.phase}`).sort();
      expect(adopted).toEqual(['tests/aged=Running', 'tests/agentless=Running', 'tests/concurrent=Running', 'tests/idempotent=Running', 'tests/kept=Running', 'tests/legacy=Scheduled', 'tests/manifest=Running', 'tests/prepared=Running', 'tests/stopped=Scheduled']);
      expect(aged).toBeDefined();
      expect(listed.find((status) => status.vmi === 'tests/aged')?.createdAt).toBe(aged);
      expect(listed.find((status) => status.vmi === 'tests/legacy')).not.toHaveProperty('createdAt');
    } finally {
      await adopter.stop();
      await second.close();
    }
  });
});
