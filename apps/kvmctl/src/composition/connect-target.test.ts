import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConnectTarget } from './connect-target.ts';

const state = mkdtempSync(join(tmpdir(), 'kvmctl-connect-'));
afterAll(() => { rmSync(state, { recursive: true, force: true }); });

describe('which libvirtd kvmctl talks to', () => {
  it('takes --connect over LIBVIRT_DEFAULT_URI, as virsh -c does', async () => {
    expect(await resolveConnectTarget('qemu:///session', state, { LIBVIRT_DEFAULT_URI: 'test:///default' })).toEqual({ uri: 'qemu:///session', reason: '--connect' });
  });

  it('honours LIBVIRT_DEFAULT_URI when no --connect is given', async () => {
    expect(await resolveConnectTarget(undefined, state, { LIBVIRT_DEFAULT_URI: 'qemu+tcp://virt-host.example/system' })).toEqual({ uri: 'qemu+tcp://virt-host.example/system', reason: 'LIBVIRT_DEFAULT_URI' });
  });
});
