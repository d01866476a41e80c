// Stream edge cases against a packet-level fake daemon: the order of the abort confirmation, data
// in flight after an abort, empty writes, the finish handshake, and streams of calls that never
// got (or got too late) their reply.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLibvirtd, type FakeHandler, type FakeLibvirtd, type FakePeer } from '../test-support/fake-libvirtd.ts';
import { connect, type LibvirtConnection } from '../connection/libvirt-connection.ts';
import { CallTimeoutError, ConnectionClosedError } from '../errors/connection-errors.ts';
import { MessageStatus, MessageType, Program } from '../protocol/constants.ts';
import type { Packet } from '../protocol/packet.ts';
import type { Domain } from '../protocol/remote-types.ts';

const OPEN_CONSOLE = 201;
const guest: Domain = { name: 'vm-1', uuid: Buffer.alloc(16, 7), id: 1 };

let fake: FakeLibvirtd | null = null;
let connection: LibvirtConnection | null = null;

afterEach(async () => {
  await connection?.close();
  await fake?.close();
  connection = null;
  fake = null;
});

async function open(handler: FakeHandler): Promise<LibvirtConnection> {
  fake = await startFakeLibvirtd(handler);
  connection = await connect(fake.uri, { keepalive: false });
  return connection;
}

/** A STREAM packet from the daemon on the stream of `call`. */
function streamPacket(peer: FakePeer, call: Packet, status: number, payload: Buffer = Buffer.alloc(0)): void {
  peer.send({ program: Program.REMOTE, procedure: OPEN_CONSOLE, type: MessageType.STREAM, serial: call.header.serial, status }, payload);
}

function streamPacketsFromClient(): Packet[] {
  return fake!.received.filter((packet) => packet.header.type === MessageType.STREAM);
}

describe('stream faults from a packet-level fake server', () => {
  it('emits close only after the daemon confirms an abort, and drops the data still in flight', async () => {
    const order: string[] = [];
    let openCall: Packet | null = null;
    const client = await open((packet, peer) => {
      if (packet.header.type === MessageType.CALL) {
        openCall = packet;
        peer.reply(packet);
        return;
      }
      if (packet.header.type !== MessageType.STREAM || packet.header.status !== MessageStatus.ERROR || openCall === null) return;
      const call = openCall;
      order.push('abort received');
      // Output the device produced before the daemon saw the abort, then (later) the confirmation.
      streamPacket(peer, call, MessageStatus.CONTINUE, Buffer.from('late output'));
      setTimeout(() => { order.push('confirmation sent'); streamPacket(peer, call, MessageStatus.OK); }, 30);
    });
    const stream = await client.domainOpenConsole(guest, 'serial1');
    const received: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => received.push(chunk));
    const closed = new Promise<Error | null>((resolve) => { stream.once('close', () => { order.push('close'); resolve(stream.errored); }); });
    stream.abort();
    expect(await closed).toBeNull();
    expect(order).toEqual(['abort received', 'confirmation sent', 'close']);
    expect(Buffer.concat(received).toString()).toBe('');
    expect(streamPacketsFromClient().map((packet) => packet.header.status)).toEqual([MessageStatus.ERROR]);
  });

  it('closes an aborted stream anyway when the daemon never confirms the abort', async () => {
    const client = await open((packet, peer) => { if (packet.header.type === MessageType.CALL) peer.reply(packet); });
    const stream = await client.domainOpenConsole(guest, 'serial1');
    const closed = new Promise<Error | null>((resolve) => { stream.once('close', () => { resolve(stream.errored); }); });
    const abortedAt = Date.now();
    stream.abort();
    expect(await closed).toBeNull();
    // It waited for a confirmation first (5 s), then gave up on it.
    expect(Date.now() - abortedAt).toBeGreaterThanOrEqual(4_900);
    expect(streamPacketsFromClient().map((packet) => packet.header.status)).toEqual([MessageStatus.ERROR]);
  }, 15_000);

  it('completes empty writes without sending an end-of-data packet', async () => {
    const client = await open((packet, peer) => {
      if (packet.header.type === MessageType.CALL) peer.reply(packet);
      else if (packet.header.status === MessageStatus.ERROR) streamPacket(peer, packet, MessageStatus.OK);
    });
    const stream = await client.domainOpenConsole(guest, null);
    const write = (data: string): Promise<void> => new Promise((resolve, reject) => { stream.write(data, (error) => { if (error) reject(error); else resolve(); }); });
    await write('');
    await write('x');
    await expect.poll(() => streamPacketsFromClient().length).toBe(1);
    expect(streamPacketsFromClient()[0]).toMatchObject({ header: { status: MessageStatus.CONTINUE }, payload: Buffer.from('x') });
    const closed = new Promise((resolve) => stream.once('close', resolve));
    stream.abort();
    await closed;
  });

  it('finishes only when the daemon answers the finish handshake', async () => {
    const order: string[] = [];
    const client = await open((packet, peer) => {
      if (packet.header.type === MessageType.CALL) peer.reply(packet);
      else if (packet.header.type === MessageType.STREAM && packet.header.status === MessageStatus.OK) {
        order.push('finish received');
        setTimeout(() => { order.push('finish confirmed'); streamPacket(peer, packet, MessageStatus.OK); }, 30);
      }
    });
    const stream = await client.domainOpenConsole(guest, null);
    stream.resume();
    const finished = new Promise<void>((resolve) => { stream.once('finish', () => { order.push('finish'); resolve(); }); });
    stream.end();
    await finished;
    expect(order).toEqual(['finish received', 'finish confirmed', 'finish']);
  });

  it('rejects an unanswered stream call when the connection closes, without an error event nobody can handle', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => { uncaught.push(error); };
    process.on('uncaughtException', onUncaught);
    try {
      const client = await open(() => undefined);
      const pending = client.domainOpenConsole(guest, null);
      await expect.poll(() => fake!.received.some((packet) => packet.header.procedure === OPEN_CONSOLE)).toBe(true);
      await client.close();
      await expect(pending).rejects.toBeInstanceOf(ConnectionClosedError);
      await new Promise((resolve) => setImmediate(resolve));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('aborts the stream a timed-out call opens when its reply comes late', async () => {
    const order: string[] = [];
    const client = await open((packet, peer) => {
      if (packet.header.type === MessageType.CALL) {
        setTimeout(() => { order.push('reply'); peer.reply(packet); }, 60);
        return;
      }
      if (packet.header.type !== MessageType.STREAM || packet.header.status !== MessageStatus.ERROR) return;
      // Like libvirtd: a stream packet for a stream that does not exist (yet) is dropped.
      if (!order.includes('reply')) {
        order.push('abort dropped');
        return;
      }
      order.push('abort confirmed');
      streamPacket(peer, packet, MessageStatus.OK);
    });
    await expect(client.domainOpenConsole(guest, null, 0, { timeoutMs: 20 })).rejects.toBeInstanceOf(CallTimeoutError);
    await expect.poll(() => order, { timeout: 2_000 }).toEqual(['abort dropped', 'reply', 'abort confirmed']);
  });
});
