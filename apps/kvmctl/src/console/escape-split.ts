/** Ctrl-], the escape character of virsh console and telnet. */
export const CONSOLE_ESCAPE = 0x1d;

/** The bytes to forward before the escape character, and whether the escape was typed. */
export function splitAtEscape(chunk: Buffer): { forward: Buffer; escaped: boolean } {
  const index = chunk.indexOf(CONSOLE_ESCAPE);
  return index === -1 ? { forward: chunk, escaped: false } : { forward: chunk.subarray(0, index), escaped: true };
}
