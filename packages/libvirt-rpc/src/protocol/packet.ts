import { XdrWriter, type XdrType } from '../xdr/index.ts';
import { HEADER_BYTES, MESSAGE_MAX_BYTES, PROGRAM_VERSION } from './constants.ts';

/** The 24-byte header after the length word (sheet 1.2). */
export interface PacketHeader {
  program: number;
  version: number;
  procedure: number;
  type: number;
  serial: number;
  status: number;
}

/** One framed packet: its header and its payload (a view into the received bytes). */
export interface Packet {
  header: PacketHeader;
  payload: Buffer;
}

/** Frames a packet: length word, header, XDR payload encoded straight into the same buffer. */
export function encodePacket<T>(header: Omit<PacketHeader, 'version'>, payloadType: XdrType<T> | null, payload: T): Buffer {
  const writer = new XdrWriter(256, 0);
  writer.writeUint32(0);
  writer.writeUint32(header.program);
  writer.writeUint32(PROGRAM_VERSION);
  writer.writeInt32(header.procedure);
  writer.writeInt32(header.type);
  writer.writeUint32(header.serial);
  writer.writeInt32(header.status);
  if (payloadType !== null) payloadType.encode(writer, payload);
  if (writer.length - 4 > MESSAGE_MAX_BYTES) {
    throw new RangeError(`packet of ${writer.length} bytes exceeds libvirt's ${MESSAGE_MAX_BYTES}-byte message limit`);
  }
  writer.patchUint32(0, writer.length);
  return writer.bytes();
}

/** Frames a packet whose payload is raw bytes (stream data). */
export function encodeRawPacket(header: Omit<PacketHeader, 'version'>, payload: Uint8Array): Buffer {
  const packet = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  packet.writeUInt32BE(HEADER_BYTES + payload.length, 0);
  packet.writeUInt32BE(header.program, 4);
  packet.writeUInt32BE(PROGRAM_VERSION, 8);
  packet.writeInt32BE(header.procedure, 12);
  packet.writeInt32BE(header.type, 16);
  packet.writeUInt32BE(header.serial, 20);
  packet.writeInt32BE(header.status, 24);
  packet.set(payload, HEADER_BYTES);
  return packet;
}

export function decodeHeader(packet: Buffer): PacketHeader {
  return {
    program: packet.readUInt32BE(4),
    version: packet.readUInt32BE(8),
    procedure: packet.readInt32BE(12),
    type: packet.readInt32BE(16),
    serial: packet.readUInt32BE(20),
    status: packet.readInt32BE(24),
  };
}
