import { describe, expect, it } from 'vitest';
import { splitAtEscape } from './escape-split.ts';

describe('splitAtEscape', () => {
  it('forwards everything when there is no Ctrl-]', () => {
    expect(splitAtEscape(Buffer.from('ls\r'))).toEqual({ forward: Buffer.from('ls\r'), escaped: false });
  });

  it('forwards only what was typed before Ctrl-] and reports the escape', () => {
    expect(splitAtEscape(Buffer.from('ab\x1dcd'))).toEqual({ forward: Buffer.from('ab'), escaped: true });
    expect(splitAtEscape(Buffer.from([0x1d]))).toEqual({ forward: Buffer.alloc(0), escaped: true });
  });
});
