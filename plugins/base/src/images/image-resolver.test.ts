import { describe, expect, it } from 'vitest';
import { parseImageReference, resolveImageDirectory } from './image-resolver.ts';

describe('image resolver', () => {
  it('splits references with registry ports, tags and digests', () => {
    expect(parseImageReference('registry:5000/kubevirt/cirros:devel')).toEqual({ name: 'registry:5000/kubevirt/cirros', tag: 'devel' });
    expect(parseImageReference('quay.io/containerdisks/fedora')).toEqual({ name: 'quay.io/containerdisks/fedora', tag: 'latest' });
    expect(parseImageReference('alpine@sha256:abc')).toEqual({ name: 'alpine', tag: 'sha256-abc' });
  });

  it('maps an image to <dir>/<name with / and : as _>/<tag>, the option map first', () => {
    const options = { imageDirectory: '/images', images: { 'pinned:1': '/elsewhere/pinned' } };
    expect(resolveImageDirectory('registry:5000/kubevirt/cirros:devel', options)).toBe('/images/registry_5000_kubevirt_cirros/devel');
    expect(resolveImageDirectory('pinned:1', options)).toBe('/elsewhere/pinned');
    expect(resolveImageDirectory('x:1', { images: {} })).toBeUndefined();
  });
});
