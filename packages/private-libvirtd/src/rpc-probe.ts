import { connect } from 'node:net';

// The smallest call libvirtd answers before authentication: REMOTE_PROC_AUTH_LIST (66) of the
// remote program. A 28-byte packet: length, program, version, procedure, type CALL, serial, status OK.
const REMOTE_PROGRAM = 0x20008086;
const REMOTE_PROTOCOL_VERSION = 1;
const REMOTE_PROC_AUTH_LIST = 66;
const HEADER_BYTES = 28;

function authListCall(): Buffer {
  const packet = Buffer.alloc(HEADER_BYTES);
  const fields = [HEADER_BYTES, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION, REMOTE_PROC_AUTH_LIST, 0, 1, 0];
  fields.forEach((value, index) => packet.writeUInt32BE(value, index * 4));
  return packet;
}

/**
 * Resolves true when the daemon behind `socketPath` answers an RPC call with a well-formed
 * reply (same program and procedure, status OK), false when it refuses, closes or stays silent.
 */
export function libvirtdAnswers(socketPath: string, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    let received = Buffer.alloc(0);
    const finish = (answered: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answered);
    };
    const timer = setTimeout(() => { finish(false); }, timeoutMs);
    socket.on('connect', () => socket.write(authListCall()));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < HEADER_BYTES) return;
      const program = received.readUInt32BE(4);
      const procedure = received.readUInt32BE(12);
      const status = received.readUInt32BE(24);
      finish(program === REMOTE_PROGRAM && procedure === REMOTE_PROC_AUTH_LIST && status === 0);
    });
    socket.on('error', () => { finish(false); });
    socket.on('close', () => { finish(false); });
  });
}
