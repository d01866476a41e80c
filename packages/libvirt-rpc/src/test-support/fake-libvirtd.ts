import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageStatus, MessageType } from '../protocol/constants.ts';
import { FrameDecoder } from '../protocol/frame-decoder.ts';
import { encodeRawPacket, type Packet } from '../protocol/packet.ts';

/** How the fake answers one packet the client sent. */
export type FakeHandler = (packet: Packet, peer: FakePeer) => void;

/** The server side of one client connection, at packet level. */
export interface FakePeer {
  socket: Socket;
  /** A REPLY with status OK for the packet's serial (or another serial). */
  reply(packet: Packet, payload?: Buffer, serial?: number): void;
  /** Raw bytes, for malformed frames. */
  write(bytes: Buffer): void;
  /** A framed packet. */
  send(header: { program: number; procedure: number; type: number; serial: number; status: number }, payload?: Buffer): void;
}

export interface FakeLibvirtd {
  socketPath: string;
  uri: string;
  /** Every packet received, across connections. */
  received: Packet[];
  /** Every client connection, in accept order. */
  peers: FakePeer[];
  close(): Promise<void>;
}

const SETUP_REPLIES = new Map<number, Buffer>([
  [66, Buffer.from('00000000', 'hex')], // AUTH_LIST: no auth
  [60, Buffer.from('00000001', 'hex')], // SUPPORTS_FEATURE: yes
  [1, Buffer.alloc(0)], // CONNECT_OPEN
  [2, Buffer.alloc(0)], // CONNECT_CLOSE
]);

/**
 * A packet-level fake of libvirtd on a unix socket, for protocol faults a real daemon never makes.
 * It answers the open sequence itself and hands every other remote call to `handler`.
 */
export async function startFakeLibvirtd(handler: FakeHandler, setup: Map<number, Buffer> = SETUP_REPLIES): Promise<FakeLibvirtd> {
  const dir = mkdtempSync(join(tmpdir(), 'kvmkit-fake-libvirtd-'));
  const socketPath = join(dir, 'sock');
  const received: Packet[] = [];
  const peers: FakePeer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const decoder = new FrameDecoder();
    const peer: FakePeer = {
      socket,
      send: (header, payload = Buffer.alloc(0)) => { if (!socket.destroyed) socket.write(encodeRawPacket(header, payload)); },
      reply: (packet, payload = Buffer.alloc(0), serial = packet.header.serial) => {
        peer.send({ program: packet.header.program, procedure: packet.header.procedure, type: MessageType.REPLY, serial, status: MessageStatus.OK }, payload);
      },
      write: (bytes) => { if (!socket.destroyed) socket.write(bytes); },
    };
    peers.push(peer);
    socket.on('data', (chunk: Buffer) => {
      for (const packet of decoder.push(chunk)) {
        received.push(packet);
        const canned = packet.header.type === MessageType.CALL ? setup.get(packet.header.procedure) : undefined;
        if (canned !== undefined && packet.header.program === 0x20008086) peer.reply(packet, canned);
        else handler(packet, peer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    uri: `test+unix:///default?socket=${encodeURIComponent(socketPath)}`,
    received,
    peers,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => { resolve(); }));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
