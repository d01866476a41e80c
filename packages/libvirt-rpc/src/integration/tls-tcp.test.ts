// TCP and TLS transports against a private libvirtd that listens on 127.0.0.1. The harness starts
// the daemon; a wrapper binary adds the listen settings to its generated config and `--listen`.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../connection/libvirt-connection.ts';
import { ConnectionLostError } from '../errors/connection-errors.ts';
import { makeCertificate, makeCertificateAuthority } from '../test-support/test-pki.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kvmkit-libvirt-rpc-tls-'));
const pki = join(scratch, 'pki');
let daemon: PrivateLibvirtd;
let tlsPort = 0;
let tcpPort = 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => { resolve(typeof address === 'object' && address !== null ? address.port : 0); });
    });
  });
}

beforeAll(async () => {
  const ca = makeCertificateAuthority(join(pki, 'ca'), 'kvmkit test CA');
  const server = makeCertificate(ca, join(pki, 'server'), 'server');
  // libvirt's pkipath layout: cacert.pem, clientcert.pem, clientkey.pem in one directory.
  const clientDir = join(pki, 'client-pkipath');
  rmSync(clientDir, { recursive: true, force: true });
  makeCertificate(ca, clientDir, 'client');
  copyFileSync(ca.cert, join(clientDir, 'cacert.pem'));
  [tlsPort, tcpPort] = [await freePort(), await freePort()];
  const listenConfig = [
    'listen_tls = 1', 'listen_tcp = 1', 'listen_addr = "127.0.0.1"', `tls_port = "${String(tlsPort)}"`, `tcp_port = "${String(tcpPort)}"`,
    'auth_tls = "none"', 'auth_tcp = "none"', `key_file = "${server.key}"`, `cert_file = "${server.cert}"`, `ca_file = "${ca.cert}"`,
  ].join('\n');
  const wrapper = join(scratch, 'libvirtd-listening');
  // Called as `wrapper --config FILE --pid-file FILE`.
  writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' '${listenConfig.replaceAll("'", "'\\''").replaceAll('\n', "' '")}' >> "$2"\nexec /usr/sbin/libvirtd --listen "$@"\n`, { mode: 0o755 });
  daemon = await startLibvirtd({ libvirtdPath: wrapper });
  expect(readFileSync(join(daemon.layout.configDir, 'libvirtd.conf'), 'utf8')).toContain('listen_tls = 1');
}, 60_000);

afterAll(async () => {
  await daemon.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('TCP and TLS transports', () => {
  it('connects over plain TCP', async () => {
    const connection = await connect(`test+tcp://127.0.0.1:${String(tcpPort)}/default`);
    expect(await connection.connectGetUri()).toBe('test:///default');
    await connection.close();
  });

  it('connects over TLS with a client certificate from ?pkipath=', async () => {
    const connection = await connect(`test+tls://127.0.0.1:${String(tlsPort)}/default?pkipath=${encodeURIComponent(join(pki, 'client-pkipath'))}`);
    expect(await connection.connectGetUri()).toBe('test:///default');
    expect((await connection.domainLookupByName('test')).name).toBe('test');
    await connection.close();
  });

  it('refuses a connection without a client certificate', async () => {
    const failure = await connect(`test+tls://127.0.0.1:${String(tlsPort)}/default`, {
      tls: { ca: readFileSync(join(pki, 'ca', 'cacert.pem')), cert: null, key: null }, connectTimeoutMs: 5000,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectionLostError);
    expect((failure as Error).message).toMatch(/certificate/i);
  });

  it('refuses a client certificate from another CA', async () => {
    const otherCa = makeCertificateAuthority(join(pki, 'other-ca'), 'someone else');
    const stranger = makeCertificate(otherCa, join(pki, 'stranger'), 'client');
    const failure = await connect(`test+tls://127.0.0.1:${String(tlsPort)}/default`, {
      tls: { ca: readFileSync(join(pki, 'ca', 'cacert.pem')), cert: readFileSync(stranger.cert), key: readFileSync(stranger.key) }, connectTimeoutMs: 5000,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectionLostError);
    expect((failure as Error).message).toMatch(/certificate/i);
  });

  it('refuses a server whose certificate is not signed by the trusted CA', async () => {
    const otherCa = makeCertificateAuthority(join(pki, 'untrusted-ca'), 'untrusted');
    const failure = await connect(`test+tls://127.0.0.1:${String(tlsPort)}/default?pkipath=${encodeURIComponent(join(pki, 'client-pkipath'))}`, {
      tls: { ca: readFileSync(otherCa.cert) },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectionLostError);
    expect((failure as Error).message).toMatch(/certificate/i);
  });
});
