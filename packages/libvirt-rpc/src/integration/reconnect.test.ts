import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../connection/libvirt-connection.ts';
import { ConnectionLostError } from '../errors/connection-errors.ts';
import { testDriverDomainXml } from './test-domain-xml.ts';

const baseDir = mkdtempSync(join(tmpdir(), 'kvmkit-libvirt-rpc-reconnect-'));
const daemons: PrivateLibvirtd[] = [];

afterAll(async () => {
  for (const daemon of daemons) await daemon.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

describe('automatic reconnect', () => {
  it('reconnects after libvirtd restarts, re-registers event callbacks and says so', async () => {
    const first = await startLibvirtd({ baseDir, persistent: true });
    daemons.push(first);
    const connection = await connect(first.testDriverUri, { reconnect: { initialDelayMs: 50, maxDelayMs: 500 } });
    try {
      const subscription = await connection.subscribeDomainEvents('lifecycle');
      const events: string[] = [];
      subscription.on('event', (event) => events.push(`${event.domain.name}:${event.eventName}`));
      const disconnected = new Promise<[Error, { reconnecting: boolean }]>((resolve) => connection.once('disconnected', (error, info) => { resolve([error, info]); }));
      const reconnected = new Promise<void>((resolve) => connection.once('reconnected', resolve));

      await first.stop();
      const [cause, info] = await disconnected;
      expect(cause).toBeInstanceOf(ConnectionLostError);
      expect(info.reconnecting).toBe(true);
      // While the daemon is down calls fail fast with a retryable error.
      const whileDown = await connection.connectGetLibVersion().catch((error: unknown) => error);
      expect(whileDown).toMatchObject({ name: 'ConnectionLostError', retryable: true });

      const second = await startLibvirtd({ baseDir, persistent: true });
      daemons.push(second);
      expect(second.pid).not.toBe(first.pid);
      await reconnected;

      expect(await connection.connectGetUri()).toBe('test:///default');
      const domain = await connection.domainDefineXml(testDriverDomainXml('after-restart'));
      await connection.domainUndefine(domain);
      await expect.poll(() => events).toEqual(['after-restart:DEFINED', 'after-restart:UNDEFINED']);
    } finally {
      await connection.close();
    }
  }, 90_000);
});
