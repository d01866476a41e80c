import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLddOutput, sharedLibraries } from './shared-libraries.ts';

describe('parseLddOutput', () => {
  it('separates libraries, the interpreter and missing libraries', () => {
    const output = [
      '\tlinux-vdso.so.1 (0x00007ffd4a5f1000)',
      '\tlibglib-2.0.so.0 => /lib/x86_64-linux-gnu/libglib-2.0.so.0 (0x00007f345f68e000)',
      '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f345f3c4000)',
      '\t/lib64/ld-linux-x86-64.so.2 (0x00007f345f913000)',
      '\tlibgone.so.3 => not found',
    ].join('\n');
    expect(parseLddOutput(output)).toEqual({
      interpreter: '/lib64/ld-linux-x86-64.so.2',
      libraries: ['/lib/x86_64-linux-gnu/libglib-2.0.so.0', '/lib/x86_64-linux-gnu/libc.so.6'],
      notFound: ['libgone.so.3'],
    });
  });
});

describe.skipIf(!existsSync('/usr/sbin/qemu-ga'))('sharedLibraries on the host', () => {
  it('finds what qemu-ga needs', async () => {
    const result = await sharedLibraries('/usr/sbin/qemu-ga');
    expect(result.interpreter).toMatch(/^\/lib(64)?\/.*ld-linux.*\.so\.\d+$/);
    expect(result.libraries.some((path) => /\/libc\.so\.6$/.test(path))).toBe(true);
    expect(result.libraries.some((path) => /\/libglib-2\.0\.so\.0$/.test(path))).toBe(true);
    for (const path of result.libraries) expect(existsSync(path), path).toBe(true);
  });

  it.skipIf(!existsSync('/bin/busybox'))('returns nothing for a static binary', async () => {
    const result = await sharedLibraries('/bin/busybox');
    // busybox-static is static; the dynamic "busybox" package would list libc.
    if (result.interpreter === undefined) expect(result.libraries).toEqual([]);
  });
});
