import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libvirtdAnswers } from './rpc-probe.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kvmkit-rpc-probe-'));
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A packet-level fake daemon that answers each call with `reply(call)`. */
async function fakeDaemon(name: string, reply: (call: Buffer, socket: Socket) => void): Promise<string> {
  const path = join(scratch, name);
  const server = createServer((socket) => socket.once('data', (call) => { reply(call, socket); }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return path;
}

function replyTo(call: Buffer, status: number): Buffer {
  const reply = Buffer.from(call.subarray(0, 28));
  reply.writeUInt32BE(1, 16); // type REPLY
  reply.writeUInt32BE(status, 24);
  return reply;
}

describe('libvirtdAnswers', () => {
  it('sends AUTH_LIST on the remote program and accepts a well-formed OK reply', async () => {
    let seen: Buffer | undefined;
    const path = await fakeDaemon('ok', (call, socket) => {
      seen = call;
      socket.write(replyTo(call, 0));
    });
    expect(await libvirtdAnswers(path)).toBe(true);
    expect(seen?.readUInt32BE(0)).toBe(28);
    expect(seen?.readUInt32BE(4)).toBe(0x20008086);
    expect(seen?.readUInt32BE(12)).toBe(66);
  });

  it('rejects an error reply', async () => {
    const path = await fakeDaemon('error', (call, socket) => socket.write(replyTo(call, 1)));
    expect(await libvirtdAnswers(path)).toBe(false);
  });

  it('rejects a peer that hangs up or stays silent', async () => {
    const closing = await fakeDaemon('closing', (_call, socket) => socket.destroy());
    const silent = await fakeDaemon('silent', () => undefined);
    expect(await libvirtdAnswers(closing)).toBe(false);
    expect(await libvirtdAnswers(silent, 200)).toBe(false);
    expect(await libvirtdAnswers(join(scratch, 'no-such-socket'))).toBe(false);
  });
});
