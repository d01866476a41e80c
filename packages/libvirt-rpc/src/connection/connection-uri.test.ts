import { describe, expect, it } from 'vitest';
import { resolveUri } from './connection-uri.ts';

const none = (): boolean => false;
const only = (path: string) => (candidate: string): boolean => candidate === path;

describe('resolveUri', () => {
  it('prefers the modular virtqemud socket when present, else libvirt-sock', () => {
    expect(resolveUri('qemu:///system', { socketExists: only('/run/libvirt/virtqemud-sock') })).toEqual({
      target: { kind: 'unix', path: '/run/libvirt/virtqemud-sock' }, daemonUri: 'qemu:///system',
    });
    expect(resolveUri('qemu:///system', { socketExists: none }).target).toEqual({ kind: 'unix', path: '/run/libvirt/libvirt-sock' });
  });

  it('uses the -ro sockets for read-only connections', () => {
    expect(resolveUri('qemu:///system', { readOnly: true, socketExists: none }).target).toEqual({ kind: 'unix', path: '/run/libvirt/libvirt-sock-ro' });
    expect(resolveUri('qemu:///system', { readOnly: true, socketExists: only('/run/libvirt/virtqemud-sock-ro') }).target).toEqual({ kind: 'unix', path: '/run/libvirt/virtqemud-sock-ro' });
    expect(() => resolveUri('qemu:///session', { readOnly: true })).toThrow(/read-only connections exist only for system URIs/);
  });

  it('finds session sockets under XDG_RUNTIME_DIR', () => {
    expect(resolveUri('qemu:///session', { env: { XDG_RUNTIME_DIR: '/run/user/1000' }, socketExists: none })).toEqual({
      target: { kind: 'unix', path: '/run/user/1000/libvirt/libvirt-sock' }, daemonUri: 'qemu:///session',
    });
  });

  it('honours mode=direct/legacy, socket= and strips client-side parameters from the daemon URI', () => {
    expect(resolveUri('qemu:///system?mode=legacy', { socketExists: () => true }).target).toEqual({ kind: 'unix', path: '/run/libvirt/libvirt-sock' });
    expect(resolveUri('qemu:///system?mode=direct', { socketExists: none }).target).toEqual({ kind: 'unix', path: '/run/libvirt/virtqemud-sock' });
    expect(resolveUri('qemu+unix:///system?socket=%2Ftmp%2Fs%20x&foo=bar')).toEqual({ target: { kind: 'unix', path: '/tmp/s x' }, daemonUri: 'qemu:///system?foo=bar' });
    expect(resolveUri('test+unix:///default?socket=/tmp/sock').daemonUri).toBe('test:///default');
    expect(resolveUri('test:///default', { socketPath: '/tmp/sock' })).toEqual({ target: { kind: 'unix', path: '/tmp/sock' }, daemonUri: 'test:///default' });
    expect(resolveUri('qemu+unix:///system?socket=/s&name=qemu:///embed').daemonUri).toBe('qemu:///embed');
  });

  it('resolves TCP and TLS endpoints with libvirt default ports', () => {
    expect(resolveUri('qemu+tcp://10.0.0.5/system')).toEqual({ target: { kind: 'tcp', host: '10.0.0.5', port: 16509 }, daemonUri: 'qemu:///system' });
    expect(resolveUri('qemu+tls://host.example:1234/system?pkipath=/pki&no_verify=1')).toEqual({
      target: { kind: 'tls', host: 'host.example', port: 1234, pkiPath: '/pki', verify: false }, daemonUri: 'qemu:///system',
    });
    expect(resolveUri('qemu://host.example/system').target).toMatchObject({ kind: 'tls', port: 16514 });
  });

  it('explains URIs it cannot use', () => {
    expect(() => resolveUri('not a uri')).toThrow(/not a libvirt URI/);
    expect(() => resolveUri('qemu+ssh://host/system')).toThrow(/transport 'ssh' is not supported/);
    expect(() => resolveUri('qemu:///system?mode=weird')).toThrow(/unknown mode 'weird'/);
  });
});
