import { spawn } from 'node:child_process';
import { constants, existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync, accessSync } from 'node:fs';
import { dirname } from 'node:path';

/** libvirt's domain type to use on this host: `kvm` when hardware virtualization really works, else `qemu` (TCG). */
export type VirtType = 'kvm' | 'qemu';

export interface KvmProbeResult {
  usable: boolean;
  virtType: VirtType;
  /** Why KVM is or is not usable, in one line a person can act on. */
  reason: string;
}

export interface ProbeKvmOptions {
  /** The KVM device. Default `/dev/kvm`. */
  kvmDevice?: string;
  /** QEMU binary. Default `/usr/bin/qemu-system-x86_64`. */
  qemuBinary?: string;
  /** Kernel to boot as the test. Default: the newest `/boot/vmlinuz-*`. */
  kernel?: string;
  /** How long the test boot may take before KVM counts as hung. Default 20 s. */
  timeoutMs?: number;
  /**
   * File that remembers the result for this boot of the host (keyed by the host's boot id, the
   * QEMU binary and the kernel), so that many test files pay for one probe.
   */
  cacheFile?: string;
}

const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id';

function newestKernel(): string | undefined {
  if (!existsSync('/boot')) return undefined;
  const kernels = readdirSync('/boot')
    .filter((name) => name.startsWith('vmlinuz-'))
    .sort((left, right) => left.localeCompare(right, undefined, { numeric: true }));
  const newest = kernels.at(-1);
  return newest === undefined ? undefined : `/boot/${newest}`;
}

function cacheKey(qemuBinary: string, kernel: string): string {
  const bootId = existsSync(BOOT_ID_FILE) ? readFileSync(BOOT_ID_FILE, 'utf8').trim() : 'unknown-boot';
  return [bootId, qemuBinary, String(statSync(qemuBinary).mtimeMs), kernel].join('|');
}

function readCached(cacheFile: string | undefined, key: string): KvmProbeResult | undefined {
  if (cacheFile === undefined || !existsSync(cacheFile)) return undefined;
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key?: string; result?: KvmProbeResult };
    return cached.key === key ? cached.result : undefined;
  } catch {
    return undefined;
  }
}

function unusable(reason: string): KvmProbeResult {
  return { usable: false, virtType: 'qemu', reason };
}

/**
 * Boots `kernel` under QEMU with KVM and no root disk: a working KVM runs the kernel to its
 * "unable to mount root" panic in a second or two, and `panic=-1` with `-no-reboot` makes QEMU
 * exit. Nested KVM that hangs guests never gets there.
 */
function bootTestKernel(qemuBinary: string, kernel: string, timeoutMs: number): Promise<KvmProbeResult> {
  const args = ['-accel', 'kvm', '-nodefaults', '-no-user-config', '-m', '128', '-display', 'none', '-monitor', 'none',
    '-serial', 'stdio', '-no-reboot', '-kernel', kernel, '-append', 'console=ttyS0 earlyprintk=ttyS0 panic=-1'];
  return new Promise((resolve) => {
    const qemu = spawn(qemuBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let console = '';
    let stderr = '';
    qemu.stdout.on('data', (chunk: Buffer) => { console += chunk.toString('latin1'); });
    qemu.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const timer = setTimeout(() => {
      qemu.kill('SIGKILL');
      const where = console.includes('Linux version') ? 'after the kernel started' : 'before the kernel printed anything';
      resolve(unusable(`a test guest under KVM hung ${where} (nested or broken KVM); use TCG`));
    }, timeoutMs);
    qemu.on('error', (error) => {
      clearTimeout(timer);
      resolve(unusable(`could not run ${qemuBinary}: ${error.message}`));
    });
    qemu.on('exit', () => {
      clearTimeout(timer);
      if (console.includes('Linux version')) {
        resolve({ usable: true, virtType: 'kvm', reason: 'a test guest booted under KVM' });
      } else {
        const firstError = stderr.trim().split('\n').at(-1) ?? 'no output';
        resolve(unusable(`QEMU with KVM exited before the guest kernel ran: ${firstError}`));
      }
    });
  });
}

/**
 * Decides whether KVM is really usable here by starting a guest, not by checking that
 * `/dev/kvm` exists: on some hosts (nested virtualization) the device opens but guests hang.
 */
export async function probeKvm(options: ProbeKvmOptions = {}): Promise<KvmProbeResult> {
  const kvmDevice = options.kvmDevice ?? '/dev/kvm';
  const qemuBinary = options.qemuBinary ?? '/usr/bin/qemu-system-x86_64';
  if (!existsSync(kvmDevice)) return unusable(`${kvmDevice} does not exist (no hardware virtualization)`);
  try {
    accessSync(kvmDevice, constants.R_OK | constants.W_OK);
  } catch {
    return unusable(`${kvmDevice} is not readable and writable by this user (add it to the kvm group)`);
  }
  if (!existsSync(qemuBinary)) return unusable(`${qemuBinary} not found: install the Debian package qemu-system-x86`);
  const kernel = options.kernel ?? newestKernel();
  if (kernel === undefined || !existsSync(kernel)) {
    return unusable('no kernel to test-boot under KVM (install linux-image-amd64 or pass `kernel`)');
  }
  const key = cacheKey(qemuBinary, kernel);
  const cached = readCached(options.cacheFile, key);
  if (cached !== undefined) return cached;
  const result = await bootTestKernel(qemuBinary, kernel, options.timeoutMs ?? 20_000);
  if (options.cacheFile !== undefined) {
    mkdirSync(dirname(options.cacheFile), { recursive: true });
    writeFileSync(options.cacheFile, JSON.stringify({ key, result }, null, 2));
  }
  return result;
}
