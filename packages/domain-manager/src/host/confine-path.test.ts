import { describe, expect, it } from 'vitest';
import { confinePath } from './confine-path.ts';

const directories = { state: '/var/lib/kvmkit/state', volumes: '/var/lib/kvmkit/volumes' };

describe('confinePath', () => {
  it('accepts paths inside the state or volumes directory', () => {
    expect(confinePath('/var/lib/kvmkit/volumes/vm/disk.qcow2', directories, 'request.path')).toBe('/var/lib/kvmkit/volumes/vm/disk.qcow2');
    expect(confinePath('/var/lib/kvmkit/state/vm/../vm2/nvram.fd', directories, 'request.path')).toBe('/var/lib/kvmkit/state/vm2/nvram.fd');
  });

  it('refuses escapes, neighbours and relative paths, naming the field', () => {
    for (const path of ['/var/lib/kvmkit/volumes/../../../../etc/passwd', '/var/lib/kvmkit/volumes-other/x', 'disk.img']) {
      expect(() => confinePath(path, directories, 'createDiskImage.path')).toThrow(expect.objectContaining({ code: 'HOST_PATH_OUTSIDE_DIRECTORIES', details: { path: 'createDiskImage.path' } }));
    }
  });
});
