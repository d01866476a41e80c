// kvmctl as a user runs it: the built binary in a child process, against a private libvirtd,
// with the demo VMI (the tiny guest) booted for real. One boot for the whole file.
import { buildGuestImage, startLibvirtd, virtTypeForTests, type GuestImage, type PrivateLibvirtd } from '@kvmkit/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

async function kvmctl(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const global = ['-c', libvirtd.uri, '--virt-type', virtType, '--options', join(scratch, 'options.yaml')];
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [kvmctlBinary, ...global, ...argv], {
      env: { ...process.env, XDG_STATE_HOME: join(scratch, 'state'), XDG_CONFIG_HOME: join(scratch, 'config') },
      timeout: 400_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

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
    expect(get.stdout).toMatch(/^NAME\s+PHASE/);
    expect(get.stdout).toMatch(/default\/demo\s+Running\s+running\/\S+\s+1\s+\d+Mi\s+\S+\s+connected/);
    const guest = await kvmctl('guest', 'demo');
    expect(guest.code).toBe(0);
    expect(guest.stdout).toContain(`kernelRelease: ${image.kernelVersion}`);
    const exec = await kvmctl('exec', 'demo', '--', 'uname', '-r');
    expect(exec).toMatchObject({ code: 0, stdout: `${image.kernelVersion}\n` });
    const failing = await kvmctl('exec', 'demo', '--', 'sh', '-c', 'exit 7');
    expect(failing.code).toBe(7);
  }, 120_000);

  it('pauses, unpauses, stops and deletes the real VM', async () => {
    expect(await kvmctl('pause', 'demo')).toMatchObject({ code: 0, stdout: 'default/demo: paused\n' });
    expect((await kvmctl('get', 'demo', '-o', 'json')).stdout).toContain('"reason": "user"');
    expect((await kvmctl('unpause', 'demo')).code).toBe(0);
    const stop = await kvmctl('stop', 'demo', '--grace', '60');
    expect(stop).toMatchObject({ code: 0 });
    expect(JSON.parse((await kvmctl('get', 'demo', '-o', 'json')).stdout)).toMatchObject({ phase: 'Succeeded' });
    expect((await kvmctl('delete', 'demo')).stdout).toContain('default/demo: deleted');
    const gone = await kvmctl('get', 'demo');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^kvmctl: .*demo/);
  }, 180_000);
});
