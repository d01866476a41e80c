import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_READY_LINE, generateGuestFiles, generateInitScript, shellQuote } from './init-script.ts';

const setup = { kernelVersion: '6.1.0-57-amd64', modules: ['kernel/drivers/virtio/virtio_ring.ko', 'kernel/drivers/virtio/virtio.ko'] };
const files = generateGuestFiles(setup);
const file = (path: string): string => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.content;
};
// Parse-check with the same shell the guest runs, where available.
const shell = existsSync('/bin/busybox') ? ['/bin/busybox', 'sh'] : ['sh'];
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('generateGuestFiles', () => {
  it('produces syntactically valid shell scripts', () => {
    for (const f of files.filter((g) => g.content.startsWith('#!/bin/sh'))) {
      const [command = 'sh', ...args] = shell;
      const result = spawnSync(command, [...args, '-n'], { input: f.content });
      expect(result.status, `${f.path}: ${result.stderr.toString()}`).toBe(0);
      expect(f.mode).toBe(0o755);
    }
  });

  it('loads modules in the given order and ends by handing over to busybox init', () => {
    const init = generateInitScript(setup);
    const ring = init.indexOf("load_module 'kernel/drivers/virtio/virtio_ring.ko'");
    const virtio = init.indexOf("load_module 'kernel/drivers/virtio/virtio.ko'");
    expect(ring).toBeGreaterThan(0);
    expect(virtio).toBeGreaterThan(ring);
    expect(init).toContain(`ready='${DEFAULT_READY_LINE}'`);
    expect(init.trimEnd().endsWith('exec /sbin/init')).toBe(true);
    expect(() => generateInitScript({ ...setup, readyLine: 'two\nlines' })).toThrow();
  });

  it('describes the system for qemu-ga', () => {
    expect(file('/etc/os-release')).toContain('NAME="kvmkit tiny guest"');
    expect(file('/etc/passwd')).toMatch(/^root:x:0:0:/m);
    expect(file('/etc/group')).toMatch(/^root:x:0:/m);
    expect(file('/etc/inittab')).toContain('::respawn:/sbin/kvmkit-qemu-ga');
    expect(file('/etc/inittab')).toContain('ttyS0::respawn:-/bin/sh');
  });

  // Never run this under busybox sh: it prefers its own applets to PATH and
  // would power off or reboot the machine running the test. dash has none.
  it.skipIf(!existsSync('/bin/dash'))('maps the shutdown flags qemu-ga uses to poweroff, halt and reboot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kvmkit-shutdown-'));
    tempDirs.push(dir);
    for (const action of ['poweroff', 'halt', 'reboot', 'sync']) {
      await writeFile(join(dir, action), `#!/bin/sh\n[ ${action} = sync ] || echo ${action}\n`);
      await chmod(join(dir, action), 0o755);
    }
    const run = (...args: string[]): string => {
      const result = spawnSync('/bin/dash', ['-c', file('/sbin/shutdown'), 'shutdown', ...args], {
        env: { PATH: dir },
        encoding: 'utf8',
      });
      return result.stdout.trim();
    };
    expect(run('-h', '-P', '+0', 'hypervisor initiated shutdown')).toBe('poweroff');
    expect(run('-h', '-H', '+0', 'hypervisor initiated shutdown')).toBe('halt');
    expect(run('-r', '+0', 'hypervisor initiated shutdown')).toBe('reboot');
    expect(run('-h', 'now')).toBe('poweroff');
  });

  it('quotes for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
