import { describe, expect, it } from 'vitest';
import { MessageStatus, MessageType, Program } from './constants.ts';
import { FrameDecoder } from './frame-decoder.ts';
import { encodeRawPacket } from './packet.ts';

const header = { program: Program.REMOTE, procedure: 66, type: MessageType.REPLY, serial: 7, status: MessageStatus.OK };

describe('FrameDecoder', () => {
  it('reassembles packets split at any byte and several in one chunk', () => {
    const first = encodeRawPacket(header, Buffer.from('00000000', 'hex'));
    const second = encodeRawPacket({ ...header, serial: 8 }, Buffer.alloc(0));
    const stream = Buffer.concat([first, second]);
    for (let split = 1; split < stream.length; split++) {
      const decoder = new FrameDecoder();
      const packets = [...decoder.push(stream.subarray(0, split)), ...decoder.push(stream.subarray(split))];
      expect(packets.map((packet) => packet.header.serial)).toEqual([7, 8]);
      expect(packets[0]!.payload.length).toBe(4);
      expect(decoder.pendingBytes).toBe(0);
    }
  });

  it('keeps no view into a chunk, so the caller may reuse the buffer after push', () => {
    const payload = Buffer.from('a1b2c3d4e5f60718', 'hex');
    const stream = encodeRawPacket(header, payload);
    const decoder = new FrameDecoder();
    // One read buffer, overwritten by every read, as a socket with `onread` delivers it.
    const readBuffer = Buffer.alloc(stream.length);
    for (const [start, end] of [[0, 2], [2, 30], [30, stream.length]] as const) {
      stream.copy(readBuffer, 0, start, end);
      const packets = decoder.push(readBuffer.subarray(0, end - start));
      readBuffer.fill(0xee);
      if (end < stream.length) expect(packets).toEqual([]);
      else expect(packets.map((packet) => packet.payload.toString('hex'))).toEqual([payload.toString('hex')]);
    }
    expect(decoder.pendingBytes).toBe(0);
  });

  it('decodes the header fields', () => {
    const [packet] = new FrameDecoder().push(encodeRawPacket({ ...header, procedure: 318, type: MessageType.MESSAGE, serial: 1 }, Buffer.alloc(0)));
    expect(packet!.header).toEqual({ program: 0x20008086, version: 1, procedure: 318, type: 2, serial: 1, status: 0 });
  });

  it('rejects a length below the header size and above the message limit before buffering', () => {
    expect(() => new FrameDecoder().push(Buffer.from('00000010', 'hex'))).toThrow(/length 16 is shorter than the 28-byte header/);
    expect(() => new FrameDecoder().push(Buffer.from('7fffffff', 'hex'))).toThrow(/length 2147483647 exceeds the limit of 33554436 bytes/);
  });
});
