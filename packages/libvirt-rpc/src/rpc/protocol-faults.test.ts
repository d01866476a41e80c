import { afterEach, describe, expect, it } from 'vitest';
import { CONNECT_GET_LIB_VERSION } from '../api/host.ts';
import { startFakeLibvirtd, type FakeHandler, type FakeLibvirtd } from '../test-support/fake-libvirtd.ts';
import { connect, type LibvirtConnection } from '../connection/libvirt-connection.ts';
import { CallAbortedError, CallTimeoutError, ConnectionLostError } from '../errors/connection-errors.ts';
import { LibvirtError } from '../errors/libvirt-error.ts';
import { remoteError } from '../errors/remote-error.ts';
import { KeepaliveProcedure, MessageStatus, MessageType, Program } from '../protocol/constants.ts';
import { encodeXdr } from '../xdr/index.ts';

const LIB_VERSION_REPLY = Buffer.from('0000000000895440', 'hex'); // 9 000 000

let fake: FakeLibvirtd | null = null;
let connection: LibvirtConnection | null = null;

afterEach(async () => {
  await connection?.close();
  await fake?.close();
  connection = null;
  fake = null;
});

async function open(handler: FakeHandler, options: Parameters<typeof connect>[1] = { keepalive: false }): Promise<LibvirtConnection> {
  fake = await startFakeLibvirtd(handler);
  connection = await connect(fake.uri, options);
  return connection;
}

describe('protocol faults from a packet-level fake server', () => {
  it('sends the daemon URI without transport or socket parameter in CONNECT_OPEN', async () => {
    await open(() => undefined);
    const openCall = fake!.received.find((packet) => packet.header.procedure === 1);
    // remote_string present, 15 bytes "test:///default", padded, then flags 0.
    expect(openCall!.payload.toString('hex')).toBe('00000001' + '0000000f' + Buffer.from('test:///default\0').toString('hex') + '00000000');
  });

  it('routes replies by serial when the server answers out of order', async () => {
    const held: { serial: number }[] = [];
    const client = await open((packet, peer) => {
      held.push({ serial: packet.header.serial });
      if (held.length === 3) {
        for (const { serial } of [...held].reverse()) {
          const version = Buffer.alloc(8);
          version.writeBigUInt64BE(BigInt(serial), 0);
          peer.reply(packet, version, serial);
        }
      }
    });
    const results = await Promise.all([1, 2, 3].map(() => client.connectGetLibVersion()));
    expect(results).toEqual(held.map(({ serial }) => BigInt(serial)));
  });

  it('keeps at most maxInFlight calls on the wire and queues the rest', async () => {
    const client = await open((packet, peer) => { setTimeout(() => { peer.reply(packet, LIB_VERSION_REPLY); }, 5); }, { keepalive: false, maxInFlight: 3 });
    const calls = Array.from({ length: 10 }, () => client.connectGetLibVersion());
    expect(client.callsInFlight).toBe(3);
    expect(client.callsQueued).toBe(7);
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 10 }, () => 9_000_000n));
    expect(client.callsInFlight + client.callsQueued).toBe(0);
  });

  it('drops a reply for an unknown serial and keeps working', async () => {
    const client = await open((packet, peer) => {
      peer.reply(packet, LIB_VERSION_REPLY, 987_654);
      peer.reply(packet, LIB_VERSION_REPLY);
    });
    expect(await client.connectGetLibVersion()).toBe(9_000_000n);
    expect(await client.connectGetLibVersion()).toBe(9_000_000n);
  });

  it('times a call out, drops its late reply, and serves the next call', async () => {
    let calls = 0;
    const client = await open((packet, peer) => {
      calls++;
      const delay = calls === 1 ? 100 : 0;
      setTimeout(() => { peer.reply(packet, LIB_VERSION_REPLY); }, delay);
    });
    await expect(client.call(CONNECT_GET_LIB_VERSION, undefined, { timeoutMs: 20 })).rejects.toBeInstanceOf(CallTimeoutError);
    expect(client.callsInFlight).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await client.connectGetLibVersion()).toBe(9_000_000n);
  });

  it('aborts a call through its AbortSignal', async () => {
    const client = await open(() => undefined);
    const controller = new AbortController();
    const pending = client.connectGetLibVersion({ signal: controller.signal });
    controller.abort(new Error('user gave up'));
    await expect(pending).rejects.toBeInstanceOf(CallAbortedError);
    await expect(client.connectGetLibVersion({ signal: AbortSignal.abort() })).rejects.toThrow(/aborted before it was sent/);
  });

  it('decodes every field of an error reply', async () => {
    const error = encodeXdr(remoteError, {
      code: 55, domain: 10, message: 'Requested operation is not valid: domain is not running', level: 2,
      dom: { name: 'vm-1', uuid: Buffer.alloc(16, 1), id: -1 }, str1: 'a', str2: null, str3: 'c', int1: 7, int2: -1, net: null,
    });
    const client = await open((packet, peer) => {
      peer.send({ program: Program.REMOTE, procedure: packet.header.procedure, type: MessageType.REPLY, serial: packet.header.serial, status: MessageStatus.ERROR }, error);
    });
    const failure = await client.connectGetLibVersion().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(LibvirtError);
    expect(failure).toMatchObject({
      code: 55, codeName: 'OPERATION_INVALID', domain: 10, domainName: 'QEMU', level: 'error', procedure: 'CONNECT_GET_LIB_VERSION',
      details: { domainName: 'vm-1', networkName: null, str1: 'a', str2: null, str3: 'c', int1: 7, int2: -1 },
    });
    expect((failure as LibvirtError).daemonMessage).toBe('Requested operation is not valid: domain is not running');
  });

  it('fails in-flight calls with a retryable ConnectionLostError on an oversize length word', async () => {
    const client = await open((_packet, peer) => { peer.write(Buffer.from('7fffffff00000000', 'hex')); });
    const failure = await client.connectGetLibVersion().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ConnectionLostError);
    expect(failure).toMatchObject({ retryable: true });
    expect((failure as Error).message).toMatch(/packet length 2147483647 exceeds the limit/);
    await expect(client.connectGetLibVersion()).rejects.toBeInstanceOf(ConnectionLostError);
  });

  it('fails in-flight calls when the server closes in the middle of a packet', async () => {
    const client = await open((_packet, peer) => {
      peer.write(Buffer.from('000000240000', 'hex'));
      setTimeout(() => { peer.socket.destroy(); }, 10);
    });
    await expect(client.connectGetLibVersion()).rejects.toThrow(/closed by the peer/);
  });

  it('reassembles a reply written one byte at a time', async () => {
    const client = await open((packet, peer) => {
      const frame = Buffer.concat([Buffer.alloc(4), Buffer.alloc(24), LIB_VERSION_REPLY]);
      frame.writeUInt32BE(frame.length, 0);
      [Program.REMOTE, 1, packet.header.procedure, MessageType.REPLY, packet.header.serial, 0].forEach((value, index) => frame.writeUInt32BE(value, 4 + index * 4));
      let offset = 0;
      const drip = setInterval(() => {
        peer.write(frame.subarray(offset, offset + 1));
        offset++;
        if (offset >= frame.length) clearInterval(drip);
      }, 1);
    });
    expect(await client.connectGetLibVersion()).toBe(9_000_000n);
  });

  it('decodes replies larger than one socket read, several of them in one write', async () => {
    const texts = ['a', 'b', 'c'].map((letter, index) => letter.repeat(150_000 + index));
    const held: Parameters<FakeHandler>[0][] = [];
    const client = await open((packet, peer) => {
      held.push(packet);
      if (held.length < texts.length) return;
      // XDR strings: length word, bytes, zero padding to 4 bytes.
      const frames = held.map((call, index) => {
        const text = Buffer.from(texts[index]!);
        const payload = Buffer.alloc(4 + Math.ceil(text.length / 4) * 4);
        payload.writeUInt32BE(text.length, 0);
        text.copy(payload, 4);
        const frame = Buffer.alloc(28 + payload.length);
        frame.writeUInt32BE(frame.length, 0);
        [Program.REMOTE, 1, call.header.procedure, MessageType.REPLY, call.header.serial, 0].forEach((value, word) => frame.writeUInt32BE(value, 4 + word * 4));
        payload.copy(frame, 28);
        return frame;
      });
      peer.write(Buffer.concat(frames));
    });
    const replies = await Promise.all(texts.map(() => client.connectGetCapabilities()));
    expect(replies.map((reply) => [reply.length, reply[0]])).toEqual(texts.map((text) => [text.length, text[0]]));
    expect(replies).toEqual(texts);
  });

  it('rejects a reply whose payload does not decode, and stays connected', async () => {
    let calls = 0;
    const client = await open((packet, peer) => { peer.reply(packet, ++calls === 1 ? Buffer.from('0000', 'hex') : LIB_VERSION_REPLY); });
    await expect(client.connectGetLibVersion()).rejects.toThrow('CONNECT_GET_LIB_VERSION: cannot decode the reply: lib_ver: truncated: unsigned hyper needs 8 bytes at offset 0, only 2 left');
    expect(await client.connectGetLibVersion()).toBe(9_000_000n);
  });

  it('answers keepalive pings with pongs', async () => {
    const client = await open(() => undefined);
    fake!.received.length = 0;
    fake!.peers[0]!.send({ program: Program.KEEPALIVE, procedure: KeepaliveProcedure.PING, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK });
    await expect.poll(() => fake!.received.length).toBe(1);
    expect(fake!.received[0]!.header).toMatchObject({ program: Program.KEEPALIVE, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK, procedure: KeepaliveProcedure.PONG });
    expect(fake!.received[0]!.payload.length).toBe(0);
    expect(client.closed).toBe(false);
  });

  it('declares a silent server dead after the configured missed pings', async () => {
    const client = await open(() => undefined, { keepalive: { intervalMs: 30, maxMisses: 2 } });
    const closed = new Promise<Error | null>((resolve) => client.once('closed', resolve));
    const pending = client.connectGetLibVersion();
    await expect(pending).rejects.toThrow(/did not answer 2 keepalive pings 30 ms apart/);
    expect(await closed).toBeInstanceOf(ConnectionLostError);
    const pings = fake!.received.filter((packet) => packet.header.program === Program.KEEPALIVE && packet.header.procedure === KeepaliveProcedure.PING);
    expect(pings.length).toBe(2);
  });
});

