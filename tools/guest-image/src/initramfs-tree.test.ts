import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InitramfsTree } from './initramfs-tree.ts';

const digest = (tree: InitramfsTree): string => {
  const hash = createHash('sha256');
  tree.updateHash(hash);
  return hash.digest('hex');
};

describe('InitramfsTree', () => {
  it('adds parents, lets later files win and sorts parents before children', () => {
    const tree = new InitramfsTree().symlink('sbin/shutdown', '/bin/busybox').file('usr/bin/x', 'x').directory('tmp', 0o1777).file('sbin/shutdown', '#!/bin/sh\n', 0o755);
    expect(tree.entries().map((e) => `${e.type} ${e.path}`)).toEqual(['directory sbin', 'file sbin/shutdown', 'directory tmp', 'directory usr', 'directory usr/bin', 'file usr/bin/x']);
    expect(() => tree.file('usr', 'oops')).toThrow(/directory/);
    expect(() => tree.file('usr/bin/x/y', 'oops')).toThrow(/not a directory/);
  });

  it('hashes content, modes and paths but not the order of assembly', () => {
    const a = new InitramfsTree().file('a', '1').file('b', '2');
    const b = new InitramfsTree().file('b', '2').file('a', '1');
    expect(digest(a)).toBe(digest(b));
    expect(digest(new InitramfsTree().file('a', '1', 0o755).file('b', '2'))).not.toBe(digest(a));
    expect(digest(new InitramfsTree().file('a', '1').file('b', '3'))).not.toBe(digest(a));
    expect(a.toCpio().equals(b.toCpio())).toBe(true);
  });
});
