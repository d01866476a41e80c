import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole } from './open-console.ts';

// libvirt's test driver streams no consoles at all, so every domain here takes the fallback path:
// a serial on a unix socket of this machine is reached directly, anything else is refused clearly.
let libvirtd: PrivateLibvirtd;
let connection: LibvirtConnection;
let serialSocket: Server;

const domainXml = (name: string, serial: string): string =>
  `<domain type='test'><name>${name}</name><memory unit='KiB'>65536</memory><os><type arch='x86_64'>hvm</type></os><devices>${serial}</devices></domain>`;

beforeAll(async () => {
  libvirtd = await startLibvirtd();
  connection = await connect(libvirtd.testDriverUri);
  // Stands in for QEMU's end of a `<serial type='unix' mode='bind'>`: greets and echoes.
  serialSocket = createServer((client) => { client.write('login: '); client.pipe(client); });
  serialSocket.listen(join(libvirtd.layout.baseDir, 'virt-serial0'));
  await once(serialSocket, 'listening');
}, 60_000);

afterAll(async () => {
  serialSocket.close();
  await connection.close();
  await libvirtd.stop();
}, 60_000);

describe('opening a serial console', () => {
  it("connects to the serial's unix socket when libvirt cannot stream it, and says so", async () => {
    const path = join(libvirtd.layout.baseDir, 'virt-serial0');
    const domain = await connection.domainDefineXml(domainXml('unix-serial', `<serial type='unix'><source mode='bind' path='${path}'/><target port='0'/></serial>`));
    const console = await openConsole(connection, domain, undefined, false);
    try {
      expect(console.via).toMatch(new RegExp(`^serial unix socket ${path} \\(libvirt: .+\\)$`));
      const received: Buffer[] = [];
      console.stream.on('data', (chunk: Buffer) => received.push(chunk));
      console.stream.write('echo me\n');
      await expect.poll(() => Buffer.concat(received).toString()).toBe('login: echo me\n');
    } finally {
      console.close();
      await connection.domainUndefine(domain);
    }
  });

  it("refuses with libvirt's reason when the serial is not a socket on this machine", async () => {
    const domain = await connection.domainDefineXml(domainXml('gone-serial', "<serial type='unix'><source mode='bind' path='/nonexistent/virt-serial0'/><target port='0'/></serial>"));
    try {
      await expect(openConsole(connection, domain, undefined, false)).rejects.toThrow(/^libvirt cannot open the console of gone-serial: .+ \(its unix socket \/nonexistent\/virt-serial0 is not on this machine\)$/);
    } finally {
      await connection.domainUndefine(domain);
    }
  });

  it('refuses a domain without a serial with the reason libvirt gave', async () => {
    const domain = await connection.domainDefineXml(domainXml('no-serial', ''));
    try {
      await expect(openConsole(connection, domain, undefined, false)).rejects.toThrow(/^libvirt cannot open the console of no-serial: \S.*$/);
    } finally {
      await connection.domainUndefine(domain);
    }
  });
});
