import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InvalidUriError } from '../errors/connection-errors.ts';

/** Where the bytes go. */
export type TransportTarget =
  | { kind: 'unix'; path: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'tls'; host: string; port: number; pkiPath: string | null; verify: boolean };

/** A libvirt URI resolved the way libvirt's remote driver does it. */
export interface ResolvedUri {
  target: TransportTarget;
  /** The URI sent to the daemon in CONNECT_OPEN: transport, host and client-side parameters removed. */
  daemonUri: string;
}

export interface UriResolveOptions {
  /** Overrides the socket path the URI would select. */
  socketPath?: string;
  readOnly?: boolean;
  /** Defaults to `process.env`, for XDG_RUNTIME_DIR. */
  env?: NodeJS.ProcessEnv;
  /** For tests: decides whether a candidate socket exists. */
  socketExists?: (path: string) => boolean;
}

// Query parameters the remote driver consumes on the client side; the daemon never sees them.
const CLIENT_PARAMETERS = new Set(['socket', 'no_verify', 'pkipath', 'keyfile', 'sshauth', 'known_hosts', 'known_hosts_verify', 'tls_priority', 'command', 'netcat', 'auth', 'authfile', 'mode', 'name', 'no_tty', 'proxy']);
const DEFAULT_TCP_PORT = 16509;
const DEFAULT_TLS_PORT = 16514;

function runtimeDir(env: NodeJS.ProcessEnv): string {
  return env.XDG_RUNTIME_DIR ?? `/run/user/${String(process.getuid?.() ?? 0)}`;
}

// libvirt's "auto" mode: the driver's own modular daemon socket when present, else the monolithic one.
function localSocket(driver: string, path: string, mode: string | null, readOnly: boolean, env: NodeJS.ProcessEnv, exists: (path: string) => boolean): string {
  const session = path === '/session';
  if (session && readOnly) throw new InvalidUriError(`read-only connections exist only for system URIs, not '${driver}:///session'`);
  const directory = session ? join(runtimeDir(env), 'libvirt') : '/run/libvirt';
  const suffix = readOnly ? '-ro' : '';
  const modular = join(directory, `virt${driver}d-sock${suffix}`);
  const legacy = join(directory, `libvirt-sock${suffix}`);
  if (mode === 'direct') return modular;
  if (mode === 'legacy') return legacy;
  if (mode !== null && mode !== 'auto') throw new InvalidUriError(`unknown mode '${mode}' (expected auto, direct or legacy)`);
  return exists(modular) ? modular : legacy;
}

/** Resolves `driver[+transport]://[host[:port]]/path[?query]`. */
export function resolveUri(uri: string, options: UriResolveOptions = {}): ResolvedUri {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    throw new InvalidUriError(`not a libvirt URI: '${uri}'`);
  }
  const scheme = parsed.protocol.slice(0, -1);
  const [driver = '', transportName, ...extra] = scheme.split('+');
  if (driver === '' || extra.length > 0) throw new InvalidUriError(`cannot read driver and transport from '${uri}'`);
  const host = parsed.hostname;
  const transport = transportName ?? (host === '' ? 'unix' : 'tls');
  const parameters = parsed.searchParams;
  const kept = new URLSearchParams([...parameters].filter(([key]) => !CLIENT_PARAMETERS.has(key)));
  const keptQuery = kept.size > 0 ? `?${kept.toString()}` : '';
  const daemonUri = parameters.get('name') ?? `${driver}://${parsed.pathname}${keptQuery}`;
  const env = options.env ?? process.env;

  switch (transport) {
    case 'unix': {
      if (host !== '') throw new InvalidUriError(`'${uri}': the unix transport takes no host`);
      const path = options.socketPath ?? parameters.get('socket') ?? localSocket(driver, parsed.pathname, parameters.get('mode'), options.readOnly === true, env, options.socketExists ?? existsSync);
      return { target: { kind: 'unix', path }, daemonUri };
    }
    case 'tcp':
      return { target: { kind: 'tcp', host: host === '' ? 'localhost' : host, port: parsed.port === '' ? DEFAULT_TCP_PORT : Number(parsed.port) }, daemonUri };
    case 'tls':
      return {
        target: {
          kind: 'tls',
          host: host === '' ? 'localhost' : host,
          port: parsed.port === '' ? DEFAULT_TLS_PORT : Number(parsed.port),
          pkiPath: parameters.get('pkipath'),
          verify: parameters.get('no_verify') !== '1',
        },
        daemonUri,
      };
    default:
      throw new InvalidUriError(`'${uri}': transport '${transport}' is not supported (unix, tcp and tls are; ssh and ext are not)`);
  }
}

/** libvirt's client certificate locations: `pkipath`, else `~/.pki/libvirt` for non-root when present, else `/etc/pki`. */
export function tlsFilePaths(pkiPath: string | null): { ca: string; cert: string; key: string } {
  if (pkiPath !== null) return { ca: join(pkiPath, 'cacert.pem'), cert: join(pkiPath, 'clientcert.pem'), key: join(pkiPath, 'clientkey.pem') };
  const userDir = join(homedir(), '.pki', 'libvirt');
  if (process.getuid?.() !== 0 && existsSync(join(userDir, 'clientcert.pem'))) {
    return { ca: join(userDir, 'cacert.pem'), cert: join(userDir, 'clientcert.pem'), key: join(userDir, 'clientkey.pem') };
  }
  return { ca: '/etc/pki/CA/cacert.pem', cert: '/etc/pki/libvirt/clientcert.pem', key: '/etc/pki/libvirt/private/clientkey.pem' };
}
