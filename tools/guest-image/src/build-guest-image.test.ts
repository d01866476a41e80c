import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGuestImage, type GuestImage } from './build-guest-image.ts';

// Boots a real guest under TCG (nested KVM is not dependable on CI machines).
// Timeouts are generous: a loaded 2-core machine can be several times slower
// than the ~8 s boot measured on an idle one.
const READY_TIMEOUT_MS = 240_000; // TCG on a loaded 2-core machine: usually 8–20 s, rarely minutes
const AGENT_TIMEOUT_MS = 60_000;
const POWER_OFF_TIMEOUT_MS = 60_000;
const BOOT_TEST_TIMEOUT_MS = 420_000;

const qemu = 'qemu-system-x86_64';
const hostReady =
  spawnSync(qemu, ['--version']).status === 0 &&
  (existsSync('/bin/busybox') || existsSync('/usr/bin/busybox')) &&
  existsSync('/usr/sbin/qemu-ga') &&
  existsSync('/boot') &&
  readdirSync('/boot').some((name) => name.startsWith('vmlinuz-'));
if (!hostReady) {
  console.warn('guest image tests skipped: need qemu-system-x86, busybox-static, qemu-guest-agent and linux-image-amd64 (apt-get install -y ...)');
}

const tempDirs: string[] = [];
const guests: Guest[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const guest of guests) guest.kill();
  await Promise.all(guests.map((guest) => withTimeout(guest.exited, 10_000)));
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Newline-delimited JSON over a unix socket: the protocol of both qemu-ga and QMP. */
class JsonLineSocket {
  readonly #socket: Socket;
  readonly #messages: JsonObject[] = [];
  #buffer = '';
  #wake: (() => void) | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk;
      let newline: number;
      while ((newline = this.#buffer.indexOf('\n')) >= 0) {
        const line = this.#buffer.slice(0, newline).replace(/^[\s\xff]+/, '');
        this.#buffer = this.#buffer.slice(newline + 1);
        try {
          const message: unknown = line.trim() === '' ? undefined : JSON.parse(line);
          if (isObject(message)) this.#messages.push(message);
        } catch {
          // Half a message left in the channel by an earlier client: guest-sync is there to skip it.
        }
      }
      this.#wake?.();
    });
    socket.on('error', () => {
      // A vanishing guest closes the socket; the tests notice through QEMU's exit.
    });
  }

  static async connect(path: string, timeoutMs: number): Promise<JsonLineSocket> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(path, () => {
            resolve(s);
          });
          s.once('error', reject);
        });
        return new JsonLineSocket(socket);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(200);
      }
    }
  }

  send(message: unknown): void {
    this.#socket.write(`${JSON.stringify(message)}\n`);
  }

  /** The next received message that matches, skipping others; undefined on timeout. */
  async receive(matches: (message: JsonObject) => boolean, timeoutMs: number): Promise<JsonObject | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.#messages.findIndex(matches);
      if (index >= 0) return this.#messages.splice(index, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  close(): void {
    this.#socket.destroy();
  }
}

interface Guest {
  process: ChildProcess;
  qgaSocket: string;
  qmpSocket: string;
  startedAt: number;
  serial: () => string;
  exited: Promise<number | null>;
  kill: () => void;
}

async function bootGuest(image: GuestImage): Promise<Guest> {
  const dir = await tempDir('kvmkit-guest-');
  const qgaSocket = join(dir, 'qga.sock');
  const qmpSocket = join(dir, 'qmp.sock');
  // -nographic puts the serial console on stdio; -no-reboot makes QEMU exit
  // on a guest reboot or panic instead of looping. virtio-net with QEMU's
  // user-mode network gives the guest a DHCP server; romfile= skips iPXE.
  const args = [
    ...['-accel', 'tcg', '-m', '256', '-nographic', '-no-reboot'],
    ...['-kernel', image.kernel, '-initrd', image.initrd, '-append', image.cmdline],
    ...['-device', 'virtio-serial-pci'],
    ...['-chardev', `socket,path=${qgaSocket},server=on,wait=off,id=qga0`],
    ...['-device', 'virtserialport,chardev=qga0,name=org.qemu.guest_agent.0'],
    ...['-qmp', `unix:${qmpSocket},server=on,wait=off`],
    ...['-netdev', 'user,id=net0', '-device', 'virtio-net-pci,netdev=net0,romfile='],
  ];
  const child = spawn(qemu, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: string): void => {
    output += chunk;
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
    child.once('error', () => {
      resolve(null);
    });
  });
  const guest: Guest = {
    process: child,
    qgaSocket,
    qmpSocket,
    startedAt: Date.now(),
    serial: () => output,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  guests.push(guest);
  return guest;
}

/** Resolves once the serial console has the line, or fails with the console's tail. */
async function waitForLine(guest: Guest, line: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const hasLine = (): boolean => guest.serial().split(/\r?\n/).some((l) => l.trim() === line);
  while (!hasLine()) {
    if (guest.process.exitCode !== null || guest.process.signalCode !== null) throw new Error(`QEMU exited before "${line}":\n${guest.serial().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`no "${line}" within ${timeoutMs} ms:\n${guest.serial().slice(-3000)}`);
    await sleep(100);
  }
}

/** Waits for qemu-ga: it starts a moment after the ready line, so guest-sync is repeated until answered. */
async function connectAgent(guest: Guest, id: number): Promise<JsonLineSocket> {
  const agent = await JsonLineSocket.connect(guest.qgaSocket, 10_000);
  const deadline = Date.now() + AGENT_TIMEOUT_MS;
  for (;;) {
    agent.send({ execute: 'guest-sync', arguments: { id } });
    const reply = await agent.receive((m) => m.return === id, 2_000);
    if (reply) return agent;
    if (Date.now() > deadline) throw new Error(`qemu-ga did not answer guest-sync:\n${guest.serial().slice(-3000)}`);
  }
}

/** The promise's value, or 'timeout'; the timer does not outlive the race. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(resolve, ms, 'timeout');
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function expectPowerOff(guest: Guest): Promise<void> {
  const code = await withTimeout(guest.exited, POWER_OFF_TIMEOUT_MS);
  expect(code, `QEMU did not exit:\n${guest.serial().slice(-3000)}`).toBe(0);
  expect(guest.serial()).toMatch(/reboot: Power down/);
}

/** Sends a command and returns the `return` value of the first reply that `isAnswer` accepts. */
async function request<T>(socket: JsonLineSocket, command: JsonObject, isAnswer: (value: unknown) => boolean): Promise<T> {
  socket.send(command);
  const reply = await socket.receive((m) => isAnswer(m.return), 10_000);
  if (!reply) throw new Error(`no answer to ${JSON.stringify(command)}`);
  return reply.return as T;
}

interface GuestInfo {
  version: string;
  supported_commands: { name: string; enabled: boolean }[];
}
interface GuestOsInfo {
  name?: string;
  'kernel-release'?: string;
}
interface GuestInterface {
  name: string;
  'ip-addresses'?: { 'ip-address-type': string; 'ip-address': string }[];
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

describe.skipIf(!hostReady)('buildGuestImage', () => {
  let cacheDir = '';
  let image: GuestImage;

  beforeAll(async () => {
    cacheDir = await tempDir('kvmkit-guest-image-cache-');
    image = await buildGuestImage({ cacheDir });
  }, 120_000);

  it('builds kernel and initrd into <cacheDir>/<hash>/ and reuses them', async () => {
    expect(image.fromCache).toBe(false);
    expect(image.directory).toBe(join(cacheDir, image.hash));
    expect(image.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(image.readyLine).toBe('KVMKIT-GUEST-READY');
    expect(image.cmdline).toContain('console=ttyS0');
    // Readable by QEMU running as another user (libvirt's qemu user).
    expect((await stat(image.directory)).mode & 0o777).toBe(0o755);
    const before = await Promise.all([stat(image.kernel), stat(image.initrd)]);
    expect(before.every((s) => s.size > 0)).toBe(true);

    const again = await buildGuestImage({ cacheDir });
    expect(again).toEqual({ ...image, fromCache: true });
    const after = await Promise.all([stat(again.kernel), stat(again.initrd)]);
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    expect(after.map((s) => s.ino)).toEqual(before.map((s) => s.ino));
    // Nothing left over from the atomic write.
    expect(await readdir(cacheDir)).toEqual([image.hash]);
  });

  it(
    'boots under TCG, answers qemu-ga and powers off on guest-shutdown',
    async () => {
      const guest = await bootGuest(image);
      await waitForLine(guest, image.readyLine, READY_TIMEOUT_MS);
      const readyAfter = Date.now() - guest.startedAt;

      const agent = await connectAgent(guest, 12345);
      const agentAfter = Date.now() - guest.startedAt;

      const info = await request<GuestInfo>(agent, { execute: 'guest-info' }, (r) => isObject(r) && typeof r.version === 'string');
      expect(info.version).toMatch(/^\d+\.\d+/);
      expect(info.supported_commands.find((c) => c.name === 'guest-shutdown')?.enabled).toBe(true);

      const os = await request<GuestOsInfo>(agent, { execute: 'guest-get-osinfo' }, (r) => isObject(r) && 'kernel-release' in r);
      expect(os.name).toBe('kvmkit tiny guest');
      expect(os['kernel-release']).toBe(image.kernelVersion);

      // DHCP from QEMU's user-mode network (10.0.2.0/24) runs in the background; give it time.
      const dhcpDeadline = Date.now() + 30_000;
      let eth0Address: string | undefined;
      while (!eth0Address && Date.now() < dhcpDeadline) {
        const interfaces = await request<GuestInterface[]>(agent, { execute: 'guest-network-get-interfaces' }, Array.isArray);
        const eth0 = interfaces.find((i) => i.name === 'eth0');
        eth0Address = eth0?.['ip-addresses']?.find((a) => a['ip-address-type'] === 'ipv4')?.['ip-address'];
        if (!eth0Address) await sleep(1_000);
      }
      expect(eth0Address).toMatch(/^10\.0\.2\.\d+$/);

      // guest-shutdown has no reply on success: the guest just goes away.
      agent.send({ execute: 'guest-shutdown' });
      await expectPowerOff(guest);
      agent.close();
      console.log(`guest: ready line after ${seconds(readyAfter)}, qemu-ga answered after ${seconds(agentAfter)}, powered off after ${seconds(Date.now() - guest.startedAt)}`);
    },
    BOOT_TEST_TIMEOUT_MS,
  );

  it(
    'powers off when the ACPI power button is pressed',
    async () => {
      const guest = await bootGuest(image);
      await waitForLine(guest, image.readyLine, READY_TIMEOUT_MS);
      // An answering agent means busybox init has started its services, acpid included.
      (await connectAgent(guest, 777)).close();

      const qmp = await JsonLineSocket.connect(guest.qmpSocket, 10_000);
      expect(await qmp.receive((m) => m.QMP !== undefined, 10_000)).toBeDefined();
      await request(qmp, { execute: 'qmp_capabilities' }, isObject);
      await request(qmp, { execute: 'system_powerdown' }, isObject);
      await expectPowerOff(guest);
      qmp.close();
    },
    BOOT_TEST_TIMEOUT_MS,
  );
});
