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

/** libvirtd.conf for a private daemon: its own socket, no authentication, no TCP. */
export function libvirtdConf(layout: LibvirtdLayout, logLevel: number): string {
  return [
    `unix_sock_dir = "${layout.socketDir}"`,
    'unix_sock_rw_perms = "0770"',
    'auth_unix_rw = "none"',
    'auth_unix_ro = "none"',
    `log_level = ${logLevel}`,
    `log_outputs = "${logLevel}:file:${layout.daemonLog}"`,
    '',
  ].join('\n');
}

/**
 * qemu.conf for a private daemon in a container-like host: QEMU runs as the daemon's user,
 * with no cgroups, no per-domain mount namespace and no security driver, none of which a
 * sandbox without systemd can rely on. QEMU writes its own logs, so no virtlogd is needed.
 */
export function qemuConf(privileged: boolean): string {
  return [
    ...(privileged ? ['user = "+0"', 'group = "+0"'] : []),
    'dynamic_ownership = 0',
    'remember_owner = 0',
    'security_driver = "none"',
    'cgroup_controllers = [ ]',
    'namespaces = [ ]',
    'stdio_handler = "file"',
    '',
  ].join('\n');
}
