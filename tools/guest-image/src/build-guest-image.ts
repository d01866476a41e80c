import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { findBusybox, findHostKernel, findQemuGuestAgent, type HostKernel } from './host-inputs.ts';
import { DEFAULT_READY_LINE, generateGuestFiles } from './init-script.ts';
import { InitramfsTree } from './initramfs-tree.ts';
import { DEFAULT_GUEST_MODULES, type ModuleResolution, resolveModules } from './modules.ts';
import { sharedLibraries } from './shared-libraries.ts';

const execFileAsync = promisify(execFile);
const gzipAsync = promisify(gzip);

/** Bump whenever the builder's output changes for the same host inputs. */
const FORMAT_VERSION = 'kvmkit-guest-image/1';

/**
 * Serial console, reboot (so QEMU with -no-reboot exits) at once on panic, only warnings and worse
 * on the console, and hotplugged (virtio-mem) memory onlined as soon as it is plugged.
 */
export const GUEST_KERNEL_CMDLINE = 'console=ttyS0 panic=-1 loglevel=4 memhp_default_state=online';

const GUEST_QEMU_GA = '/usr/sbin/qemu-ga';
const KERNEL_FILE = 'vmlinuz';
const INITRD_FILE = 'initrd.img';
const METADATA_FILE = 'guest-image.json';

export interface GuestImage {
  /** Path of the kernel image (a copy of the host's). */
  kernel: string;
  /** Path of the gzip-compressed cpio initramfs. */
  initrd: string;
  kernelVersion: string;
  /** sha256 over the builder's format version and every input; also the cache directory's name. */
  hash: string;
  /** The line the guest prints alone on its serial console once it is set up. */
  readyLine: string;
  /** Recommended kernel command line. kvmkit.hostname=NAME may be appended. */
  cmdline: string;
  /** The cache directory holding kernel and initrd. */
  directory: string;
  /** True when the image was already in the cache and nothing was written. */
  fromCache: boolean;
}

export interface BuildGuestImageOptions {
  /** Default: $KVMKIT_CACHE_DIR/guest-image, else ${XDG_CACHE_HOME:-~/.cache}/kvmkit/guest-image. */
  cacheDir?: string;
  /** A version under /lib/modules; default: the newest installed kernel. */
  kernelVersion?: string;
  log?: (line: string) => void;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KVMKIT_CACHE_DIR) return join(env.KVMKIT_CACHE_DIR, 'guest-image');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kvmkit', 'guest-image');
}

export async function buildGuestImage(options: BuildGuestImageOptions = {}): Promise<GuestImage> {
  const log = options.log ?? (() => {});
  const cacheDir = resolve(options.cacheDir ?? defaultCacheDir());
  const kernel = await findHostKernel(options.kernelVersion);
  log(`guest-image: kernel ${kernel.version} (${kernel.image})`);

  const { tree, modules } = await assembleInitramfs(kernel, log);
  const kernelImage = await readFile(kernel.image);

  const hasher = createHash('sha256');
  for (const text of [FORMAT_VERSION, kernel.version, GUEST_KERNEL_CMDLINE, DEFAULT_READY_LINE]) hasher.update(`${text}\0`);
  hasher.update(`${kernelImage.length}\0`).update(kernelImage);
  tree.updateHash(hasher);
  const hash = hasher.digest('hex');

  const directory = join(cacheDir, hash);
  const image: GuestImage = {
    kernel: join(directory, KERNEL_FILE),
    initrd: join(directory, INITRD_FILE),
    kernelVersion: kernel.version,
    hash,
    readyLine: DEFAULT_READY_LINE,
    cmdline: GUEST_KERNEL_CMDLINE,
    directory,
    fromCache: true,
  };
  if (await isComplete(directory)) {
    log(`guest-image: cached ${directory}`);
    return image;
  }

  const initrd = await gzipAsync(tree.toCpio());
  const metadata = { format: FORMAT_VERSION, hash, kernelVersion: kernel.version, cmdline: GUEST_KERNEL_CMDLINE, readyLine: DEFAULT_READY_LINE, modules: modules.modules.map((m) => m.name) };
  await writeAtomically(cacheDir, directory, {
    [KERNEL_FILE]: kernelImage,
    [INITRD_FILE]: initrd,
    [METADATA_FILE]: `${JSON.stringify(metadata, null, 2)}\n`,
  });
  log(`guest-image: wrote ${directory} (initrd ${(initrd.length / 2 ** 20).toFixed(1)} MiB)`);
  return { ...image, fromCache: false };
}

async function assembleInitramfs(kernel: HostKernel, log: (line: string) => void): Promise<{ tree: InitramfsTree; modules: ModuleResolution }> {
  const [busybox, qemuGa] = await Promise.all([findBusybox(), findQemuGuestAgent()]);
  const tree = new InitramfsTree();

  for (const dir of ['dev', 'proc', 'sys', 'run', 'etc', 'mnt', 'var/log']) tree.directory(dir);
  tree.directory('tmp', 0o1777).directory('var/tmp', 0o1777).directory('root', 0o700);
  tree.symlink('var/run', '../run');
  // The kernel opens /dev/console for /init before anything is mounted.
  tree.chardev('dev/console', 5, 1);

  // busybox, with a link for every applet it has, so the serial shell is usable.
  tree.file('bin/busybox', await readFile(busybox), 0o755);
  const { stdout: applets } = await execFileAsync(busybox, ['--list-full'], { encoding: 'utf8' });
  for (const applet of applets.split('\n').map((line) => line.trim())) {
    if (applet === '' || applet === 'linuxrc' || applet === 'bin/busybox') continue;
    tree.symlink(applet, '/bin/busybox');
  }

  tree.file(GUEST_QEMU_GA, await readFile(qemuGa), 0o755);
  // Each library goes where the loader found it on the host: the interpreter
  // path is baked into the binary and the rest are in the default search path.
  for (const binary of [busybox, qemuGa]) {
    const { interpreter, libraries } = await sharedLibraries(binary);
    for (const library of [...(interpreter ? [interpreter] : []), ...libraries]) tree.file(library, await readFile(library), 0o755);
  }

  const modules = await resolveModules(kernel.moduleDir, DEFAULT_GUEST_MODULES);
  if (modules.missing.length > 0) log(`guest-image: kernel ${kernel.version} has no module ${modules.missing.join(', ')}; skipped`);
  const moduleRoot = `lib/modules/${kernel.version}`;
  for (const module of modules.modules) tree.file(`${moduleRoot}/${module.path}`, await readFile(join(kernel.moduleDir, module.path)));
  // A modules.dep for just these modules, so that modprobe works in the guest shell.
  const depText = await readFile(join(kernel.moduleDir, 'modules.dep'), 'utf8');
  const shipped = new Set(modules.modules.map((m) => m.path));
  tree.file(`${moduleRoot}/modules.dep`, depText.split('\n').filter((line) => shipped.has(line.slice(0, line.indexOf(':')))).join('\n') + '\n');
  log(`guest-image: modules ${modules.modules.map((m) => m.name).join(' ')}${modules.builtin.length > 0 ? `; built in: ${modules.builtin.join(' ')}` : ''}`);

  const generated = generateGuestFiles({ kernelVersion: kernel.version, modules: modules.modules.map((m) => m.path), qemuGaPath: GUEST_QEMU_GA, osVersion: FORMAT_VERSION.split('/')[1] ?? '1' });
  for (const file of generated) tree.file(file.path, file.content, file.mode);
  return { tree, modules };
}

async function isComplete(directory: string): Promise<boolean> {
  for (const name of [KERNEL_FILE, INITRD_FILE, METADATA_FILE]) {
    const info = await stat(join(directory, name)).catch(() => undefined);
    if (!info?.isFile() || info.size === 0) return false;
  }
  return true;
}

/** Writes the files into a temporary directory beside the target, then renames it into place. */
async function writeAtomically(cacheDir: string, directory: string, files: Record<string, Uint8Array | string>): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const temporary = await mkdtemp(join(cacheDir, '.building-'));
  try {
    for (const [name, content] of Object.entries(files)) await writeFile(join(temporary, name), content, { mode: 0o644 });
    // mkdtemp makes it 0700; QEMU run by libvirt as another user must be able to read the files.
    await chmod(temporary, 0o755);
    // A leftover from an interrupted or corrupted build would block the rename.
    if (!(await isComplete(directory))) await rm(directory, { recursive: true, force: true });
    await rename(temporary, directory);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    // Another process finished the same image first: theirs is as good as ours.
    if (await isComplete(directory)) return;
    throw error;
  }
}
