// Authentication as libvirt's client does it: AUTH_LIST first; no auth goes straight on, polkit is
// asked for (AUTH_POLKIT) when offered, and a daemon that offers only SASL is refused with an
// error that names SASL. The SASL case runs against a real libvirtd set to `auth_unix_rw = "sasl"`;
// polkit needs a polkit daemon on the system bus, so it is answered by the packet-level fake.
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationUnsupportedError } from '../errors/connection-errors.ts';
import { startFakeLibvirtd, type FakeLibvirtd } from '../test-support/fake-libvirtd.ts';
import { connect } from './libvirt-connection.ts';

const AUTH_LIST = 66;
const AUTH_POLKIT = 70;
const AuthType = { NONE: 0, SASL: 1, POLKIT: 2 } as const;

/** AUTH_LIST's reply: an XDR array of auth types. */
function authList(...types: number[]): Buffer {
  const payload = Buffer.alloc(4 + 4 * types.length);
  payload.writeUInt32BE(types.length, 0);
  types.forEach((type, index) => payload.writeInt32BE(type, 4 + 4 * index));
  return payload;
}

/** The open sequence of a daemon offering `types`, with AUTH_POLKIT answering `complete`. */
function setupOffering(types: number[], polkitComplete = 1): Map<number, Buffer> {
  const complete = Buffer.alloc(4);
  complete.writeInt32BE(polkitComplete, 0);
  return new Map([
    [AUTH_LIST, authList(...types)],
    [AUTH_POLKIT, complete],
    [60, Buffer.from('00000001', 'hex')],
    [1, Buffer.alloc(0)],
    [2, Buffer.alloc(0)],
  ]);
}

const noRemoteCalls = (): void => undefined;

describe('authentication', () => {
  let saslDaemon: PrivateLibvirtd;
  let fake: FakeLibvirtd | undefined;

  beforeAll(async () => {
    saslDaemon = await startLibvirtd({ extraConfig: { libvirtd: ['auth_unix_rw = "sasl"'] } });
  }, 60_000);
  afterAll(() => saslDaemon.stop(), 60_000);
  afterEach(async () => { await fake?.close(); fake = undefined; });

  it('refuses a real libvirtd that offers only SASL, naming SASL and the daemon', async () => {
    const outcome = await connect(saslDaemon.uri).then(async (connection) => { await connection.close(); return 'connected'; }, (error: unknown) => error);
    expect(outcome).toBeInstanceOf(AuthenticationUnsupportedError);
    expect((outcome as Error).message).toMatch(/^libvirtd at qemu:\/\/\/(system|session) requires SASL authentication, which this client does not implement/);
  });

  it('asks for polkit when the daemon offers it, then opens the connection', async () => {
    fake = await startFakeLibvirtd(noRemoteCalls, setupOffering([AuthType.POLKIT]));
    const connection = await connect(fake.uri);
    await connection.close();
    expect(fake.received.map((packet) => packet.header.procedure).slice(0, 2)).toEqual([AUTH_LIST, AUTH_POLKIT]);
  });

  it('prefers polkit over SASL, and fails clearly when polkit does not complete', async () => {
    fake = await startFakeLibvirtd(noRemoteCalls, setupOffering([AuthType.SASL, AuthType.POLKIT], 0));
    await expect(connect(fake.uri)).rejects.toThrow(new AuthenticationUnsupportedError('polkit authentication did not complete'));
    expect(fake.received.map((packet) => packet.header.procedure)).toContain(AUTH_POLKIT);
  });

  it('goes straight on when no authentication is needed', async () => {
    fake = await startFakeLibvirtd(noRemoteCalls, setupOffering([AuthType.NONE]));
    const connection = await connect(fake.uri);
    await connection.close();
    expect(fake.received.map((packet) => packet.header.procedure)).not.toContain(AUTH_POLKIT);
  });
});
