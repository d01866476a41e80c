import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killProcessesFromPidFiles, stopDaemonByPid, waitForExit } from './process-cleanup.ts';
import { onProcessEnd } from './process-end-guard.ts';
import { libvirtdConf, libvirtdLayout, qemuConf, type LibvirtdLayout } from './libvirtd-config.ts';
import { libvirtdAnswers } from './rpc-probe.ts';

export interface StartLibvirtdOptions {
  /** Directory for sockets, state, logs and config; a fresh temp dir by default (removed on stop). */
  baseDir?: string;
  /** Path of the libvirtd binary. Default: `/usr/sbin/libvirtd`, then `libvirtd` on PATH. */
  libvirtdPath?: string;
  /** How long to wait for the socket to answer. Default 30 s. */
  startTimeoutMs?: number;
  /** libvirt log level for the daemon log (1 debug … 4 error). Default 3. */
  logLevel?: number;
  /** Keep the base directory after stop, e.g. to read logs of a failed test. */
  keepBaseDir?: boolean;
  /**
   * Outlive this process: the daemon is detached and left running, and a later call with the
   * same `baseDir` reuses it when its socket still answers. The base directory is kept.
   */
  persistent?: boolean;
  /**
   * The daemon's `host_uuid`. Two daemons on one machine need different ones before libvirt
   * migrates a domain from one to the other (it refuses a migration "to the same host").
   */
  hostUuid?: string;
  /**
   * The hostname the daemon (and the QEMU it starts) sees: the daemon gets its own UTS
   * namespace with this name. Root only; by default it shares the machine's hostname.
   */
  hostname?: string;
  /** Lines appended to the generated libvirtd.conf and qemu.conf (`max_client_requests = 32`, `migration_port_min = 49152`, …). */
  extraConfig?: { libvirtd?: readonly string[]; qemu?: readonly string[] };
}

/** A running private libvirtd. */
export interface PrivateLibvirtd {
  /** URI to open through the daemon, e.g. `qemu+unix:///system?socket=/tmp/…/libvirt-sock`. */
  readonly uri: string;
  /** The daemon's test-driver URI through the same socket (`test+unix:///default?socket=…`). */
  readonly testDriverUri: string;
  readonly socketPath: string;
  readonly layout: LibvirtdLayout;
  readonly pid: number;
  /** Whether it runs privileged (root, in a private mount namespace) or as a session daemon. */
  readonly privileged: boolean;
  /** Kills the domains it started, stops the daemon and removes its files. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_LIBVIRTD = '/usr/sbin/libvirtd';

// As root, libvirtd's run, state, cache, log and config paths are compiled in. A private mount
// namespace bind-mounts the instance's own directories over them, so it shares nothing with the
// system daemon; its socket directory lies outside those mounts and stays reachable from here.
function privilegedBindMounts(layout: LibvirtdLayout): [string, string][] {
  return [
    [layout.runDir, '/run/libvirt'],
    [layout.stateDir, '/var/lib/libvirt'],
    [layout.cacheDir, '/var/cache/libvirt'],
    [layout.logDir, '/var/log/libvirt'],
    [layout.configDir, '/etc/libvirt'],
    // swtpm (emulated TPMs) logs and keeps its local CA outside libvirt's own directories.
    [layout.swtpmLogDir, '/var/log/swtpm'],
    [layout.swtpmLocalCaDir, '/var/lib/swtpm-localca'],
  ];
}

/** uid and gid of a system user from /etc/passwd, if it exists. */
function systemUser(name: string): { uid: number; gid: number } | undefined {
  if (!existsSync('/etc/passwd')) return undefined;
  const entry = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':')).find((fields) => fields[0] === name);
  return entry === undefined ? undefined : { uid: Number(entry[2]), gid: Number(entry[3]) };
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

function spawnDaemon(layout: LibvirtdLayout, libvirtd: string, privileged: boolean, outputFd: number, detached: boolean, hostname: string | undefined): ChildProcess {
  const daemonArgs = ['--config', join(layout.configDir, 'libvirtd.conf'), '--pid-file', layout.pidFile];
  const stdio: ['ignore', number, number] = ['ignore', outputFd, outputFd];
  if (!privileged) {
    // A session daemon puts everything under the XDG directories, so pointing them here is enough.
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: layout.xdgConfigHome,
      XDG_RUNTIME_DIR: layout.runDir,
      XDG_CACHE_HOME: layout.cacheDir,
      XDG_DATA_HOME: layout.stateDir,
    };
    return spawn(libvirtd, daemonArgs, { stdio, env, detached });
  }
  const mounts = privilegedBindMounts(layout)
    .map(([source, target]) => `mkdir -p ${shellQuote(target)} && mount --bind ${shellQuote(source)} ${shellQuote(target)}`)
    .join(' && ');
  // Its own UTS namespace only when asked: the name is then set inside, before the daemon starts.
  const naming = hostname === undefined ? '' : `hostname ${shellQuote(hostname)}; `;
  const script = `set -e; ${mounts}; ${naming}exec ${[libvirtd, ...daemonArgs].map(shellQuote).join(' ')}`;
  const namespaces = hostname === undefined ? ['--mount'] : ['--mount', '--uts'];
  return spawn('unshare', [...namespaces, '--propagation', 'private', '--', '/bin/sh', '-c', script], { stdio, detached });
}

function findLibvirtd(explicit: string | undefined): string {
  if (explicit !== undefined) return explicit;
  if (existsSync(DEFAULT_LIBVIRTD)) return DEFAULT_LIBVIRTD;
  throw new Error('libvirtd not found at /usr/sbin/libvirtd: install the Debian package libvirt-daemon-system');
}

function tail(file: string, lines = 20): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts a private libvirtd with its own config, socket, runtime, state and log directories,
 * waits until its socket answers an RPC call, and returns a handle that stops it and cleans up.
 * Works as root (in a private mount namespace) and as an ordinary user (a session daemon),
 * with no systemd. It never touches the system daemon or its domains.
 */
export async function startLibvirtd(options: StartLibvirtdOptions = {}): Promise<PrivateLibvirtd> {
  const libvirtd = findLibvirtd(options.libvirtdPath);
  const privileged = process.getuid?.() === 0;
  const persistent = options.persistent === true;
  if (options.hostname !== undefined && !privileged) {
    throw new Error('hostname: a private hostname needs a root daemon (its own UTS namespace); this process is not root');
  }
  if (options.hostname !== undefined && !/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(options.hostname)) {
    throw new Error(`hostname: '${options.hostname}' is not a valid host name (letters, digits, dots and hyphens, at most 63)`);
  }
  const baseDir = options.baseDir ?? mkdtempSync(join(tmpdir(), 'kvmkit-libvirtd-'));
  const layout = libvirtdLayout(baseDir);
  const socketPath = join(layout.socketDir, 'libvirt-sock');
  const handle = (pid: number, stop: () => Promise<void>): PrivateLibvirtd => {
    const socketQuery = `socket=${encodeURIComponent(socketPath)}`;
    return {
      uri: `qemu+unix:///${privileged ? 'system' : 'session'}?${socketQuery}`,
      testDriverUri: `test+unix:///default?${socketQuery}`,
      socketPath,
      layout,
      pid,
      privileged,
      stop,
    };
  };
  if (persistent && existsSync(socketPath) && (await libvirtdAnswers(socketPath))) {
    const pid = Number.parseInt(readFileSync(layout.pidFile, 'utf8'), 10);
    return handle(pid, () => stopDaemonByPid(pid, layout.runDir));
  }
  for (const dir of [layout.socketDir, layout.runDir, layout.stateDir, layout.cacheDir, layout.logDir, layout.configDir, layout.swtpmLogDir, layout.swtpmLocalCaDir]) {
    mkdirSync(dir, { recursive: true });
  }
  // swtpm_setup runs as swtpm's user (Debian: tss) and must own its local CA's directory.
  const swtpmUser = privileged ? systemUser('tss') : undefined;
  if (swtpmUser !== undefined) {
    chownSync(layout.swtpmLocalCaDir, swtpmUser.uid, swtpmUser.gid);
    chmodSync(layout.swtpmLocalCaDir, 0o750);
  }
  const libvirtdExtras = {
    ...(options.hostUuid === undefined ? {} : { hostUuid: options.hostUuid }),
    ...(options.extraConfig?.libvirtd === undefined ? {} : { libvirtd: options.extraConfig.libvirtd }),
  };
  writeFileSync(join(layout.configDir, 'libvirtd.conf'), libvirtdConf(layout, options.logLevel ?? 3, libvirtdExtras));
  writeFileSync(join(layout.configDir, 'qemu.conf'), qemuConf(privileged, options.extraConfig?.qemu));

  const outputFile = join(baseDir, 'libvirtd.output.log');
  const outputFd = openSync(outputFile, 'a');
  const child = spawnDaemon(layout, libvirtd, privileged, outputFd, persistent, options.hostname);
  closeSync(outputFd);
  let stopped = false;

  const emergencyKill = (): void => {
    killProcessesFromPidFiles(layout.runDir, 'SIGKILL');
    child.kill('SIGKILL');
  };
  const removeGuard = persistent ? undefined : onProcessEnd(emergencyKill);
  if (persistent) child.unref();

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    removeGuard?.();
    // Domains are disposable in tests: end their QEMU (and swtpm) processes before the daemon.
    await killProcessesFromPidFiles(layout.runDir, 'SIGKILL').settled;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (options.keepBaseDir !== true && !persistent) rmSync(baseDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(existsSync(socketPath) && (await libvirtdAnswers(socketPath)))) {
    const exited = child.exitCode !== null || child.signalCode !== null;
    if (exited || Date.now() > deadline) {
      const why = exited ? `exited (${String(child.exitCode ?? child.signalCode)})` : 'did not answer in time';
      const logs = [tail(outputFile), tail(layout.daemonLog)].filter(Boolean).join('\n');
      await stop();
      throw new Error(`private libvirtd ${why}; its last log lines:\n${logs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return handle(child.pid ?? -1, stop);
}
