import { constants } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A host program or file the image is built from is missing; names the Debian package that provides it. */
export class MissingHostPackageError extends Error {
  readonly debianPackage: string;

  constructor(what: string, debianPackage: string, detail?: string) {
    super(`${what} is missing on this host${detail ? ` (${detail})` : ''}; install it with: apt-get install -y ${debianPackage}`);
    this.name = 'MissingHostPackageError';
    this.debianPackage = debianPackage;
  }
}

export interface HostKernel {
  version: string;
  /** /boot/vmlinuz-<version> */
  image: string;
  /** /lib/modules/<version> */
  moduleDir: string;
}

async function exists(path: string, mode = constants.R_OK): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

/** Compares kernel versions like "6.1.0-57-amd64" numerically part by part ("6.10" > "6.9"). */
export function compareKernelVersions(a: string, b: string): number {
  const parts = (version: string): string[] => version.split(/[.\-+~_]/);
  const left = parts(a);
  const right = parts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const isNumber = /^\d+$/;
    if (isNumber.test(x) && isNumber.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The requested kernel, or the newest one with both an image in /boot and modules in /lib/modules. */
export async function findHostKernel(version?: string, roots = { boot: '/boot', modules: '/lib/modules' }): Promise<HostKernel> {
  const candidate = async (v: string): Promise<HostKernel | undefined> => {
    const kernel = { version: v, image: join(roots.boot, `vmlinuz-${v}`), moduleDir: join(roots.modules, v) };
    if (!(await exists(join(kernel.moduleDir, 'modules.dep'))) || !(await exists(kernel.image, constants.F_OK))) return undefined;
    // Some distributions install the kernel image readable by root only.
    if (!(await exists(kernel.image))) throw new Error(`${kernel.image} is not readable by this user; make it readable (chmod 0644) or build as root`);
    return kernel;
  };
  if (version !== undefined) {
    const kernel = await candidate(version);
    if (!kernel) throw new MissingHostPackageError(`Linux kernel ${version} (${join(roots.boot, `vmlinuz-${version}`)} and its modules)`, `linux-image-${version}`);
    return kernel;
  }
  const versions = await readdir(roots.modules).catch(() => [] as string[]);
  const found: HostKernel[] = [];
  for (const v of versions) {
    const kernel = await candidate(v);
    if (kernel) found.push(kernel);
  }
  found.sort((a, b) => compareKernelVersions(b.version, a.version));
  const newest = found[0];
  if (!newest) throw new MissingHostPackageError(`A Linux kernel (${roots.boot}/vmlinuz-* with ${roots.modules}/*/modules.dep)`, 'linux-image-amd64');
  return newest;
}

/** The first existing executable among the candidates, or a MissingHostPackageError. */
export async function findExecutable(what: string, candidates: readonly string[], debianPackage: string): Promise<string> {
  for (const path of candidates) if (await exists(path, constants.X_OK)) return path;
  throw new MissingHostPackageError(what, debianPackage, `looked for ${candidates.join(', ')}`);
}

export const findBusybox = (): Promise<string> => findExecutable('busybox', ['/bin/busybox', '/usr/bin/busybox'], 'busybox-static');

export const findQemuGuestAgent = (): Promise<string> => findExecutable('qemu-ga', ['/usr/sbin/qemu-ga', '/usr/bin/qemu-ga'], 'qemu-guest-agent');
