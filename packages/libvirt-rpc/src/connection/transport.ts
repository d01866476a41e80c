import { readFileSync } from 'node:fs';
import { connect as netConnect, type OnReadOpts, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ConnectionLostError } from '../errors/connection-errors.ts';
import type { SessionTransport } from '../rpc/rpc-session.ts';
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

/**
 * An open socket and the way to receive its bytes. On unix and TCP sockets the bytes are a view
 * into a buffer reused for every read: the receiver must be done with them when it returns.
 */
export type Transport = SessionTransport;

// One read buffer per plain socket: the stream machinery's per-read allocations and 'data'
// events cost more than the protocol work of a small reply.
const READ_BUFFER_BYTES = 64 * 1024;

/** A receiver slot that holds copies of what arrives before the receiver is set. */
function receiverSlot(): { deliver: (bytes: Buffer) => void; set: (receiver: (bytes: Buffer) => void) => void } {
  let current: ((bytes: Buffer) => void) | null = null;
  const early: Buffer[] = [];
  return {
    deliver: (bytes) => {
      if (current === null) early.push(Buffer.from(bytes));
      else current(bytes);
    },
    set: (receiver) => {
      current = receiver;
      for (const bytes of early.splice(0)) receiver(bytes);
    },
  };
}

/** Opens the socket for a target and resolves once it is connected (TLS: once the handshake succeeded). */
export function openTransport(target: TransportTarget, timeoutMs: number, credentials: TlsCredentials = {}): Promise<Transport> {
  return new Promise<Transport>((resolve, reject) => {
    let socket: Socket;
    let receive: Transport['receive'];
    const readyEvent = target.kind === 'tls' ? 'secureConnect' : 'connect';
    if (target.kind !== 'tls') {
      const slot = receiverSlot();
      const onread: OnReadOpts = {
        buffer: Buffer.allocUnsafe(READ_BUFFER_BYTES),
        callback: (bytesRead, buffer) => {
          slot.deliver(Buffer.from(buffer.buffer, buffer.byteOffset, bytesRead));
          return true;
        },
      };
      socket = target.kind === 'unix' ? netConnect({ path: target.path, onread }) : netConnect({ host: target.host, port: target.port, onread });
      receive = slot.set;
    } else {
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
      const tlsSocket = socket;
      receive = (receiver) => {
        tlsSocket.on('data', receiver);
        // The check-byte reader below paused the socket; a 'data' listener alone does not resume it.
        tlsSocket.resume();
      };
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
      resolve({ socket, receive });
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
