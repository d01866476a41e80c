// kvmctl as a user runs it: the built binary in a child process, against a private libvirtd,
// with the demo VMI (the tiny guest) booted for real. One boot for the whole file.
import { buildGuestImage, startLibvirtd, virtTypeForTests, type GuestImage, type PrivateLibvirtd } from '@kvmkit/testing';
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const kvmctlBinary = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const demoVmi = fileURLToPath(new URL('../../../examples/demo-vm/vmi.yaml', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'kvmctl-e2e-'));

let libvirtd: PrivateLibvirtd;
let image: GuestImage;
let virtType: string;

const globalFlags = (): string[] => ['-c', libvirtd.uri, '--virt-type', virtType, '--options', join(scratch, 'options.yaml')];
const kvmctlEnvironment = (): NodeJS.ProcessEnv => ({ ...process.env, XDG_STATE_HOME: join(scratch, 'state'), XDG_CONFIG_HOME: join(scratch, 'config') });

async function kvmctl(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [kvmctlBinary, ...globalFlags(), ...argv], {
      env: kvmctlEnvironment(),
      timeout: 400_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** A long-running child (console, events) whose output the test reads as it arrives. */
interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  waitFor: (what: string, ready: () => boolean, timeoutMs?: number) => Promise<void>;
}

function start(command: string, args: readonly string[]): Running {
  const child = spawn(command, args, { env: kvmctlEnvironment() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const waitFor = async (what: string, ready: () => boolean, timeoutMs = 60_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stdout: ${stdout}; stderr: ${stderr}`);
      if (child.exitCode !== null) throw new Error(`exited ${String(child.exitCode)} before ${what}; stdout: ${stdout}; stderr: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  return { child, stdout: () => stdout, stderr: () => stderr, waitFor };
}

const shellQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

beforeAll(async () => {
  [image, { virtType }, libvirtd] = await Promise.all([buildGuestImage(), virtTypeForTests(), startLibvirtd()]);
  // The demo VMI's kernel-boot container image resolves to the tiny guest's directory.
  // The default pod network binds with masquerade; QEMU's user-mode NAT needs no dnsmasq on the host.
  writeFileSync(join(scratch, 'options.yaml'), `base:\n  images:\n    kvmkit/tiny-guest:latest: ${image.directory}\nnetwork-binding:\n  masquerade:\n    mode: user\n`);
});

afterAll(async () => {
  await libvirtd.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('kvmctl against a real libvirtd', () => {
  it('runs the demo VMI to a running VM with its guest agent connected', async () => {
    const run = await kvmctl('run', demoVmi, '--wait-agent', '--timeout', '300');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('default/demo: defined and started');
    expect(run.stdout).toMatch(/default\/demo: guest agent connected \(qemu-ga \d/);
  }, 420_000);

  it('lists it, reads the guest and runs a command in it', async () => {
    const get = await kvmctl('get');
    expect(get).toMatchObject({ code: 0, stderr: '' });
    expect(get.stdout).toMatch(/^NAME\s+PHASE.*\s+AGENT\s+AGE$/m);
    expect(get.stdout).toMatch(/default\/demo\s+Running\s+running\/\S+\s+1\s+\d+Mi\s+\S+\s+connected\s+\d+(s|m\d*s?)$/m);
    // Like kubectl get vmi -o json: the VMI as synced (defaults applied) with a KubeVirt-shaped status.
    const asJson = JSON.parse((await kvmctl('get', 'demo', '-o', 'json')).stdout) as Record<string, unknown>;
    expect(asJson).toMatchObject({
      apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'demo', namespace: 'default' },
      spec: { domain: { firmware: { kernelBoot: { container: { image: 'kvmkit/tiny-guest:latest' } } } } },
      status: { phase: 'Running', guestAgent: 'connected', interfaces: [{ interfaceName: 'eth0', ipAddress: expect.stringMatching(/^10\./) as unknown }] },
    });
    expect(asJson).toHaveProperty('status.kvmkit.createdAt', expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    const asYaml = await kvmctl('get', '-o', 'yaml');
    expect(asYaml.stdout).toMatch(/^apiVersion: v1\nkind: List\nitems:\n {2}- apiVersion: kubevirt\.io\/v1/);
    const guest = await kvmctl('guest', 'demo');
    expect(guest.code).toBe(0);
    expect(guest.stdout).toContain(`kernelRelease: ${image.kernelVersion}`);
    const exec = await kvmctl('exec', 'demo', '--', 'uname', '-r');
    expect(exec).toMatchObject({ code: 0, stdout: `${image.kernelVersion}\n` });
    const failing = await kvmctl('exec', 'demo', '--', 'sh', '-c', 'exit 7');
    expect(failing.code).toBe(7);
  }, 120_000);

  it('describes the live domain: spec, status and conditions', async () => {
    const describe = await kvmctl('describe', 'demo');
    expect(describe).toMatchObject({ code: 0, stderr: '' });
    expect(describe.stdout).toContain('Name:        default/demo');
    expect(describe.stdout).toMatch(/^Status: +Running running\/\S+$/m);
    expect(describe.stdout).toMatch(/^vCPUs: +1 of 1/m);
    expect(describe.stdout).toMatch(/^Memory: +256Mi/m);
    expect(describe.stdout).toMatch(/^ {2}ua-default {2}type=user {2}model=virtio {2}mac=02:[0-9a-f:]+/m);
    expect(describe.stdout).toMatch(/^ {2}Ready +True/m);
    expect(describe.stdout).toContain('Events (reported by the manager while this command ran):');
  }, 60_000);

  it('shows progress on a terminal by rewriting one status line, and runs again as a no-op', async () => {
    const commandLine = [process.execPath, kvmctlBinary, ...globalFlags(), 'run', demoVmi].map(shellQuote).join(' ');
    const session = start('script', ['-qefc', commandLine, '/dev/null']);
    const [code] = await once(session.child, 'exit') as [number | null];
    expect(code).toBe(0);
    expect(session.stdout()).toContain('\r\x1b[2Kdefault/demo: waiting for the domain to run (0 s)');
    expect(session.stdout()).toContain('\r\x1b[2Kdefault/demo: running (running)');
    // Without a terminal there is no status line: only the plain lines the other tests read.
    expect((await kvmctl('run', demoVmi)).stdout).not.toContain('waiting for');
  }, 120_000);

  it('attaches a pseudo-terminal to the serial console, runs a command, sees the ready line after a restart and leaves with Ctrl-]', async () => {
    const commandLine = [process.execPath, kvmctlBinary, ...globalFlags(), 'console', 'demo'].map(shellQuote).join(' ');
    const session = start('script', ['-qefc', commandLine, '/dev/null']);
    await session.waitFor('the console banner', () => session.stdout().includes('Escape character is ^]'));
    session.child.stdin.write('\r');
    // The shell prints 42 only when it ran the command: the typed line itself shows $((6*7)).
    const typed = setInterval(() => { session.child.stdin.write('echo kvmkit-console-$((6*7))\r'); }, 3000);
    session.child.stdin.write('echo kvmkit-console-$((6*7))\r');
    try {
      await session.waitFor('the command output', () => /kvmkit-console-42/.test(session.stdout()), 90_000);
    } finally {
      clearInterval(typed);
    }
    // A reboot keeps the QEMU process and its console: the guest's boot shows up on the open stream.
    expect(session.stdout()).not.toContain(image.readyLine);
    const restarted = await kvmctl('restart', 'demo');
    expect(restarted).toMatchObject({ code: 0, stdout: 'default/demo: restarted\n' });
    await session.waitFor('the ready line after the restart', () => session.stdout().includes(image.readyLine), 120_000);
    const exited = once(session.child, 'exit');
    session.child.stdin.write('\x1d');
    const [code] = await exited as [number | null];
    expect(code).toBe(0);
    // kvmctl asks the base plugin for a PTY serial, so the console goes through libvirt's stream.
    expect(session.stdout()).toContain('Connected to default/demo via libvirt console stream');
  }, 270_000);

  it('saves a screenshot, plugs vCPUs within the maximum and refuses memory without virtio-mem', async () => {
    const file = join(scratch, 'demo.png');
    const screenshot = await kvmctl('screenshot', 'demo', '-o', file);
    expect(screenshot.code).toBe(0);
    const written = readFileSync(file);
    expect(screenshot.stdout).toBe(`default/demo: wrote ${String(written.length)} bytes to ${file} (PNG)\n`);
    expect(written.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(await kvmctl('vcpus', 'demo', '1')).toEqual({ code: 0, stdout: 'default/demo: 1 vCPU(s)\n', stderr: '' });
    const tooMany = await kvmctl('vcpus', 'demo', '2');
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toMatch(/^kvmctl: count: 2 vCPUs is outside 1…1/);
    const memory = await kvmctl('memory', 'demo', '512Mi');
    expect(memory.code).toBe(1);
    expect(memory.stderr).toBe('kvmctl: default/demo has no virtio-mem device to resize\n');
  }, 120_000);

  it('streams status updates of a pause and an unpause, one line each, until SIGINT', async () => {
    const events = start(process.execPath, [kvmctlBinary, ...globalFlags(), 'events', 'demo']);
    await events.waitFor('the watch to start', () => events.stderr().includes('watching default/demo; Ctrl-C stops'));
    expect((await kvmctl('pause', 'demo')).code).toBe(0);
    await events.waitFor('the paused line', () => /default\/demo {2}Running {2}paused\/user .*Paused=True\(PausedUser\)/.test(events.stdout()));
    expect((await kvmctl('unpause', 'demo')).code).toBe(0);
    await events.waitFor('the resumed line', () => /default\/demo {2}Running {2}running\/unpaused /.test(events.stdout()));
    const exited = once(events.child, 'exit');
    events.child.kill('SIGINT');
    const [code] = await exited as [number | null];
    expect(code).toBe(0);
    expect(events.stdout().split('\n').filter((line) => line !== '').every((line) => /^\d{4}-\d\d-\d\dT\S+Z {2}default\/demo {2}/.test(line))).toBe(true);
  }, 120_000);

  it('pauses, unpauses, stops and deletes the real VM', async () => {
    expect(await kvmctl('pause', 'demo')).toMatchObject({ code: 0, stdout: 'default/demo: paused\n' });
    expect((await kvmctl('get', 'demo', '-o', 'json')).stdout).toContain('"reason": "user"');
    expect((await kvmctl('unpause', 'demo')).code).toBe(0);
    const stop = await kvmctl('stop', 'demo', '--grace', '60');
    expect(stop).toMatchObject({ code: 0 });
    expect(JSON.parse((await kvmctl('get', 'demo', '-o', 'json')).stdout)).toMatchObject({ status: { phase: 'Succeeded' } });
    expect((await kvmctl('delete', 'demo')).stdout).toContain('default/demo: deleted');
    const gone = await kvmctl('get', 'demo');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^kvmctl: .*demo/);
  }, 180_000);
});
