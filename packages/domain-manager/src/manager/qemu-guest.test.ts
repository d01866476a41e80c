// The manager against real QEMU with the tiny guest: ONE boot for the whole file (TCG here).
// Context from the host, sync, guest agent, exec, freeze/thaw, vCPU hotplug, graceful
// shutdown, and a QEMU killed with SIGKILL reported as Failed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConverter, KvmkitError, type DomainStatus } from '@kvmkit/core';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { buildGuestImage, startLibvirtd, virtTypeForTests, waitForFileLine, type GuestImage, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostContextProvider } from '../context/host-context-provider.ts';
import { testPlugin, testVmi } from '../test-support/test-plugin.ts';
import { LibvirtDomainManager } from './libvirt-domain-manager.ts';

const BOOT_TIMEOUT_MS = 150_000;
const workDir = mkdtempSync(join(tmpdir(), 'kvmkit-domain-manager-qemu-'));
const vmi = 'tests/guest';
let daemon: PrivateLibvirtd;
let connection: LibvirtConnection;
let manager: LibvirtDomainManager;
let image: GuestImage;
const statuses: DomainStatus[] = [];

function latest(): DomainStatus | undefined {
  return statuses.filter((status) => status.vmi === vmi).at(-1);
}

function condition(type: string): string | undefined {
  return latest()?.conditions.find((entry) => entry.type === type)?.status;
}

beforeAll(async () => {
  const [guestImage, { virtType }, started] = await Promise.all([buildGuestImage(), virtTypeForTests(), startLibvirtd()]);
  image = guestImage;
  daemon = started;
  connection = await connect(daemon.uri);
  const converter = createConverter({
    plugins: [testPlugin({ ...image, consoleDirectory: workDir, vcpus: { current: 1, maximum: 2 } })],
  });
  const contextProvider = createHostContextProvider({
    connection,
    virtType: { virtType },
    directories: { state: join(workDir, 'state'), volumes: join(workDir, 'volumes') },
  });
  manager = new LibvirtDomainManager({ connection, converter, contextProvider, agentTimeoutSeconds: 10, agentPolling: { interfacesMs: 1000 } });
  manager.on('status', (status) => statuses.push(status));
  await manager.start();
}, 120_000);

afterAll(async () => {
  await manager.stop();
  await connection.close();
  await daemon.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('LibvirtDomainManager on QEMU with the tiny guest', () => {
  it('builds the converter context from libvirt domain capabilities', async () => {
    const provider = createHostContextProvider({ connection, virtType: { virtType: 'qemu' }, directories: { state: workDir, volumes: workDir } });
    const context = await provider();
    expect(context.virtType).toBe('qemu');
    expect(context.host.emulator).toMatch(/qemu-system-x86_64$/);
    expect(context.host.machines.some((machine) => machine.startsWith('pc-q35-'))).toBe(true);
    expect(context.host.machines).toContain('q35');
    expect(context.host.maxVcpus).toBeGreaterThan(1);
    expect(context.host.cpuModels.length).toBeGreaterThan(0);
    // Debian's OVMF ships secure-boot and plain builds, each with a variables template.
    const secure = context.host.efiFirmware.find((firmware) => firmware.secureBoot);
    const plain = context.host.efiFirmware.find((firmware) => !firmware.secureBoot);
    expect(secure?.varsTemplate).toMatch(/OVMF_VARS/);
    expect(plain?.code).toMatch(/OVMF_CODE/);
    expect(context.host.launchSecurity).toEqual({ sev: false, sevSnp: false, tdx: false });
  });

  it('starts the guest from a VMI; the agent connects and answers', async () => {
    await manager.sync({ vmi: testVmi('guest') });
    await expect.poll(() => latest()?.phase, { timeout: 30_000 }).toBe('Running');
    // The guest is still booting: its agent is absent, and that is a typed error, not a hang.
    const early = await manager.guestPing(vmi).catch((error: unknown) => error);
    expect(KvmkitError.isInstance(early)).toBe(true);
    expect((early as KvmkitError).code).toBe('AGENT_NOT_CONNECTED');

    await waitForFileLine(join(workDir, 'tests_guest.log'), image.readyLine, BOOT_TIMEOUT_MS);
    await expect.poll(() => condition('AgentConnected'), { timeout: 60_000 }).toBe('True');
    await manager.guestPing(vmi);
    const info = await manager.guestInfo(vmi);
    expect(info.supportedCommands).toContain('guest-exec');
    const os = await manager.guestOsInfo(vmi);
    expect(os.kernelRelease).toBe(image.kernelVersion);
    const interfaces = await manager.guestInterfaces(vmi);
    expect(interfaces.find((nic) => nic.name === 'lo')?.addresses).toContainEqual({ type: 'ipv4', address: '127.0.0.1', prefix: 8 });
    // The poller, started by the agent-lifecycle event, caches the same facts.
    await expect.poll(() => manager.guestInfoSnapshot(vmi)?.interfaces?.some((nic) => nic.name === 'lo'), { timeout: 20_000 }).toBe(true);
  }, BOOT_TIMEOUT_MS + 60_000);

  it('runs a command in the guest: uname -r is the guest kernel', async () => {
    const result = await manager.exec(vmi, '/bin/uname', ['-r'], 30);
    expect(result).toEqual({ exitCode: 0, stdout: `${image.kernelVersion}\n`, stderr: '' });
    const failing = await manager.exec(vmi, '/bin/sh', ['-c', 'echo oops >&2; exit 3'], 30);
    expect(failing).toEqual({ exitCode: 3, stdout: '', stderr: 'oops\n' });
  }, 90_000);

  it('freezes and thaws (an initramfs root has nothing freezable)', async () => {
    const frozenCount = await manager.freezeFileSystems(vmi, 30);
    // The tiny guest's root is an initramfs: the agent freezes what it finds, which may be nothing.
    expect(frozenCount).toBeGreaterThanOrEqual(0);
    expect(await manager.frozenState(vmi)).toBe(frozenCount > 0 ? 'frozen' : 'thawed');
    await manager.unfreeze(vmi);
    expect(await manager.frozenState(vmi)).toBe('thawed');
  }, 60_000);

  it('hotplugs a vCPU within the maximum and refuses one beyond it', async () => {
    await manager.hotplugVcpus(vmi, 2);
    await expect.poll(async () => (await manager.exec(vmi, '/bin/cat', ['/sys/devices/system/cpu/present'], 20)).stdout.trim(), { timeout: 30_000 }).toBe('0-1');
    expect((await manager.stats(vmi)).vcpus).toEqual({ current: 2, maximum: 2 });
    await expect(manager.hotplugVcpus(vmi, 3)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  }, 90_000);

  it('shuts the guest down gracefully within the grace period: Succeeded', async () => {
    await manager.gracefulShutdown(vmi, { gracePeriodSeconds: 90 });
    const status = await manager.status(vmi);
    expect(status).toMatchObject({ phase: 'Succeeded', state: 'shutoff', reason: 'shutdown' });
    await expect.poll(() => condition('AgentConnected') ?? 'absent').toBe('absent');
  }, 120_000);

  it('reports a QEMU killed with SIGKILL as Failed with the crash reason', async () => {
    await manager.sync({ vmi: testVmi('guest') });
    await expect.poll(() => latest()?.state, { timeout: 30_000 }).toBe('running');
    const pid = Number(readFileSync(join(daemon.layout.runDir, 'qemu', 'tests_guest.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => latest()?.phase, { timeout: 30_000 }).toBe('Failed');
    expect(latest()).toMatchObject({ state: 'shutoff', reason: 'crashed' });
    expect(latest()?.conditions).toContainEqual(expect.objectContaining({ type: 'Failure', status: 'True', reason: 'crashed' }));
  }, 90_000);
});
