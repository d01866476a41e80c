// Proves the lab against real parts: a private libvirtd that answers, a built guest, and a
// connection made by the caller's client, closed before the daemon stops.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { libvirtdAnswers, startGuestLab } from './index.ts';

describe('startGuestLab', () => {
  it('starts a daemon, builds the guest, connects with the given client and stops in order', async () => {
    const events: string[] = [];
    const lab = await startGuestLab((uri) => {
      events.push(`connect ${uri}`);
      return Promise.resolve({ uri, close: () => { events.push('close'); return Promise.resolve(); } });
    });
    try {
      expect(events).toEqual([`connect ${lab.libvirtd.uri}`]);
      expect(lab.connection.uri).toBe(lab.libvirtd.uri);
      expect(await libvirtdAnswers(lab.libvirtd.socketPath)).toBe(true);
      expect(existsSync(lab.image.kernel) && existsSync(lab.image.initrd)).toBe(true);
      expect(['kvm', 'qemu']).toContain(lab.virtType);
    } finally {
      await lab.stop();
    }
    expect(events).toEqual([`connect ${lab.libvirtd.uri}`, 'close']);
    expect(await libvirtdAnswers(lab.libvirtd.socketPath)).toBe(false);
  }, 180_000);

  it('stops the daemon when the connection fails, and rethrows', async () => {
    let uri = '';
    const failure = await startGuestLab((given) => {
      uri = given;
      return Promise.reject(new Error('refused'));
    }).catch((error: unknown) => error);
    expect(failure).toEqual(new Error('refused'));
    const socketPath = new URL(uri).searchParams.get('socket') ?? '';
    expect(socketPath).not.toBe('');
    expect(await libvirtdAnswers(socketPath)).toBe(false);
  }, 180_000);
});
