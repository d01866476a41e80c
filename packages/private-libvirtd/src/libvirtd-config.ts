/** Paths of one private libvirtd instance, all under its base directory. */
export interface LibvirtdLayout {
  baseDir: string;
  /** Holds libvirtd's unix sockets (libvirt-sock, libvirt-sock-ro, libvirt-admin-sock). */
  socketDir: string;
  /** Stands in for /run/libvirt: domain pid files, monitor sockets, swtpm state. */
  runDir: string;
  /** Stands in for /var/lib/libvirt: NVRAM, TPM state, saved images. */
  stateDir: string;
  /** Stands in for /var/cache/libvirt. */
  cacheDir: string;
  /** Stands in for /var/log/libvirt: per-domain QEMU logs. */
  logDir: string;
  /** Stands in for /etc/libvirt: libvirtd.conf, qemu.conf, persistent domain and network XML. */
  configDir: string;
  /** Session (non-root) daemons find their configuration under `$XDG_CONFIG_HOME/libvirt`. */
  xdgConfigHome: string;
  /** Stands in for /var/log/swtpm: the logs of the swtpm processes of emulated TPMs. */
  swtpmLogDir: string;
  /** Stands in for /var/lib/swtpm-localca: the local CA swtpm_setup signs TPM certificates with. */
  swtpmLocalCaDir: string;
  daemonLog: string;
  pidFile: string;
}

export function libvirtdLayout(baseDir: string): LibvirtdLayout {
  return {
    baseDir,
    socketDir: `${baseDir}/sock`,
    runDir: `${baseDir}/run`,
    stateDir: `${baseDir}/lib`,
    cacheDir: `${baseDir}/cache`,
    logDir: `${baseDir}/log`,
    configDir: `${baseDir}/etc/libvirt`,
    xdgConfigHome: `${baseDir}/etc`,
    swtpmLogDir: `${baseDir}/swtpm-log`,
    swtpmLocalCaDir: `${baseDir}/swtpm-localca`,
    daemonLog: `${baseDir}/libvirtd.log`,
    pidFile: `${baseDir}/libvirtd.pid`,
  };
}

/** What a caller may add to a private daemon's configuration. */
export interface LibvirtdConfigExtras {
  /**
   * `host_uuid` of the daemon. libvirt refuses to migrate a domain between two daemons with
   * the same host UUID, so two daemons on one machine need different ones to migrate.
   */
  hostUuid?: string;
  /** Lines appended to libvirtd.conf, e.g. `max_client_requests = 32`. */
  libvirtd?: readonly string[];
  /** Lines appended to qemu.conf, e.g. `migration_port_min = 49152` (libvirt refuses a loopback `migration_address`). */
  qemu?: readonly string[];
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A config line must stay one line: a newline would smuggle in a second setting. */
function checkedLines(lines: readonly string[] | undefined, field: string): string[] {
  return (lines ?? []).map((line, index) => {
    if (/[\r\n]/.test(line)) throw new Error(`${field}[${index}]: a configuration line must not contain a line break`);
    return line;
  });
}

/** The setting a `key = value` line sets. */
function settingName(line: string): string | undefined {
  return /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
}

/**
 * The generated lines followed by the extra ones, minus generated settings an extra line sets
 * again: libvirt's config parser keeps the first value of a repeated setting, so an extra
 * `auth_unix_rw = "sasl"` would otherwise be ignored.
 */
function withExtras(generated: readonly string[], extras: string[]): string[] {
  const overridden = new Set(extras.map(settingName).filter((name) => name !== undefined));
  return [...generated.filter((line) => !overridden.has(settingName(line) ?? '')), ...extras, ''];
}

/** libvirtd.conf for a private daemon: its own socket, no authentication, no TCP. */
export function libvirtdConf(layout: LibvirtdLayout, logLevel: number, extras: LibvirtdConfigExtras = {}): string {
  if (extras.hostUuid !== undefined && !UUID_PATTERN.test(extras.hostUuid)) {
    throw new Error(`hostUuid: '${extras.hostUuid}' is not a UUID (8-4-4-4-12 hex digits)`);
  }
  return withExtras([
    `unix_sock_dir = "${layout.socketDir}"`,
    'unix_sock_rw_perms = "0770"',
    'auth_unix_rw = "none"',
    'auth_unix_ro = "none"',
    `log_level = ${logLevel}`,
    `log_outputs = "${logLevel}:file:${layout.daemonLog}"`,
    ...(extras.hostUuid === undefined ? [] : [`host_uuid = "${extras.hostUuid}"`]),
  ], checkedLines(extras.libvirtd, 'extraConfig.libvirtd')).join('\n');
}

/**
 * qemu.conf for a private daemon in a container-like host: QEMU runs as the daemon's user,
 * with no cgroups, no per-domain mount namespace and no security driver, none of which a
 * sandbox without systemd can rely on. QEMU writes its own logs, so no virtlogd is needed.
 */
export function qemuConf(privileged: boolean, extraLines: readonly string[] = []): string {
  return withExtras([
    ...(privileged ? ['user = "+0"', 'group = "+0"'] : []),
    'dynamic_ownership = 0',
    'remember_owner = 0',
    'security_driver = "none"',
    'cgroup_controllers = [ ]',
    'namespaces = [ ]',
    'stdio_handler = "file"',
  ], checkedLines(extraLines, 'extraConfig.qemu')).join('\n');
}
