/** Program numbers sharing one connection (protocol sheet 1.4). */
export const Program = {
  REMOTE: 0x20008086,
  QEMU: 0x20008087,
  KEEPALIVE: 0x6b656570,
} as const;

export const PROGRAM_VERSION = 1;

/** `virNetMessageType` (sheet 1.3). */
export const MessageType = {
  CALL: 0,
  REPLY: 1,
  MESSAGE: 2,
  STREAM: 3,
  CALL_WITH_FDS: 4,
  REPLY_WITH_FDS: 5,
  STREAM_HOLE: 6,
} as const;

/** `virNetMessageStatus`. */
export const MessageStatus = {
  OK: 0,
  ERROR: 1,
  CONTINUE: 2,
} as const;

/** Keepalive procedures, sent as MESSAGE with serial 0 and no payload (sheet 1.11). */
export const KeepaliveProcedure = {
  PING: 1,
  PONG: 2,
} as const;

/** The length word plus the 24-byte header. */
export const HEADER_BYTES = 28;
/** `VIR_NET_MESSAGE_MAX` of current libvirt: a packet without its length word may not exceed this. */
export const MESSAGE_MAX_BYTES = 33_554_432;
/** `REMOTE_STRING_MAX`. */
export const STRING_MAX = 4_194_304;
/** Largest stream chunk the client sends; the daemon itself sends at most 262 120 bytes per packet. */
export const STREAM_CHUNK_BYTES = 262_120;
