import { readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ConnectionLostError } from '../errors/connection-errors.ts';
import { tlsFilePaths, type TransportTarget } from './connection-uri.ts';

/** PEM contents for TLS; anything left out is read from libvirt's usual files (or `?pkipath=`). */
export interface TlsCredentials {
  ca?: string | Buffer;
  /** The client certificate; `null` sends none (the daemon will refuse, as libvirt requires one). */
  cert?: string | Buffer | null;
  key?: string | Buffer | null;
}

function describe(target: TransportTarget): string {
  return target.kind === 'unix' ? `unix socket ${target.path}` : `${target.kind} ${target.host}:${target.port}`;
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConnectionLostError(`cannot read the TLS ${what} at ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Opens the socket for a target and resolves once it is connected (TLS: once the handshake succeeded). */
export function openTransport(target: TransportTarget, timeoutMs: number, credentials: TlsCredentials = {}): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    let socket: Socket;
    const readyEvent = target.kind === 'tls' ? 'secureConnect' : 'connect';
    if (target.kind === 'unix') socket = netConnect({ path: target.path });
    else if (target.kind === 'tcp') socket = netConnect({ host: target.host, port: target.port });
    else {
      const files = tlsFilePaths(target.pkiPath);
      socket = tlsConnect({
        host: target.host,
        port: target.port,
        servername: /^[\d.:]+$/.test(target.host) ? undefined : target.host,
        ca: credentials.ca ?? readPem(files.ca, 'CA certificate'),
        cert: credentials.cert === null ? undefined : (credentials.cert ?? readPem(files.cert, 'client certificate')),
        key: credentials.key === null ? undefined : (credentials.key ?? readPem(files.key, 'client key')),
        rejectUnauthorized: target.verify,
      });
    }
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ConnectionLostError(`cannot connect to libvirtd at ${describe(target)}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onError = (error: Error): void => {
      clearTimeout(timer);
      socket.removeListener('close', onClose);
      socket.destroy();
      reject(new ConnectionLostError(`cannot connect to libvirtd at ${describe(target)}: ${error.message}`, { cause: error }));
    };
    const ready = (): void => {
      clearTimeout(timer);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      socket.setNoDelay(true);
      resolve(socket);
    };
    // After the TLS handshake libvirtd checks our certificate and address, then sends one byte:
    // 1 means accepted; otherwise it closes the connection.
    const onClose = (): void => {
      clearTimeout(timer);
      reject(new ConnectionLostError(`libvirtd at ${describe(target)} closed the TLS connection after the handshake: it refused our client certificate (missing, expired, or from a CA it does not trust) or our address`));
    };
    socket.once('error', onError);
    socket.once(readyEvent, () => {
      if (target.kind !== 'tls') {
        ready();
        return;
      }
      socket.once('close', onClose);
      socket.once('data', (chunk: Buffer) => {
        socket.pause();
        if (chunk[0] !== 1) {
          socket.destroy();
          socket.removeListener('close', onClose);
          clearTimeout(timer);
          reject(new ConnectionLostError(`libvirtd at ${describe(target)} failed the TLS certificate check (status byte ${String(chunk[0])})`));
          return;
        }
        if (chunk.length > 1) socket.unshift(chunk.subarray(1));
        ready();
      });
    });
  });
}
