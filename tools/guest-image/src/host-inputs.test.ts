import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareKernelVersions, findExecutable, findHostKernel, MissingHostPackageError } from './host-inputs.ts';

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function fakeRoots(kernels: { version: string; image?: boolean; modules?: boolean }[]): Promise<{ boot: string; modules: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'kvmkit-host-'));
  tempDirs.push(dir);
  const roots = { boot: join(dir, 'boot'), modules: join(dir, 'lib/modules') };
  await mkdir(roots.boot, { recursive: true });
  await mkdir(roots.modules, { recursive: true });
  for (const kernel of kernels) {
    if (kernel.image ?? true) await writeFile(join(roots.boot, `vmlinuz-${kernel.version}`), 'kernel');
    if (kernel.modules ?? true) {
      await mkdir(join(roots.modules, kernel.version), { recursive: true });
      await writeFile(join(roots.modules, kernel.version, 'modules.dep'), '');
    }
  }
  return roots;
}

describe('compareKernelVersions', () => {
  it('compares numerically', () => {
    expect(compareKernelVersions('6.10.0-1-amd64', '6.9.0-9-amd64')).toBeGreaterThan(0);
    expect(compareKernelVersions('6.1.0-57-amd64', '6.1.0-9-amd64')).toBeGreaterThan(0);
    expect(compareKernelVersions('6.1.0-57-amd64', '6.1.0-57-amd64')).toBe(0);
  });
});

describe('findHostKernel', () => {
  it('picks the newest kernel that has both an image and modules', async () => {
    const roots = await fakeRoots([{ version: '6.1.0-9-amd64' }, { version: '6.1.0-57-amd64' }, { version: '6.12.0-1-amd64', image: false }]);
    const kernel = await findHostKernel(undefined, roots);
    expect(kernel.version).toBe('6.1.0-57-amd64');
    expect(kernel.image).toBe(join(roots.boot, 'vmlinuz-6.1.0-57-amd64'));
    expect((await findHostKernel('6.1.0-9-amd64', roots)).version).toBe('6.1.0-9-amd64');
  });

  it('names the Debian package to install when there is none', async () => {
    const roots = await fakeRoots([]);
    await expect(findHostKernel(undefined, roots)).rejects.toThrow(/apt-get install -y linux-image-amd64/);
    await expect(findHostKernel('6.1.0-1-amd64', roots)).rejects.toBeInstanceOf(MissingHostPackageError);
  });
});

describe('findExecutable', () => {
  it('names the Debian package to install', async () => {
    const error: unknown = await findExecutable('qemu-ga', ['/nonexistent/qemu-ga'], 'qemu-guest-agent').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingHostPackageError);
    expect((error as MissingHostPackageError).debianPackage).toBe('qemu-guest-agent');
    expect((error as Error).message).toMatch(/apt-get install -y qemu-guest-agent/);
  });
});
