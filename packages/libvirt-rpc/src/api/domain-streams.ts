import { once } from 'node:events';
import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, remoteString, type Domain } from '../protocol/remote-types.ts';
import type { LibvirtStream } from '../rpc/libvirt-stream.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr } from '../xdr/index.ts';

export const DOMAIN_SCREENSHOT = defineProcedure({
  name: 'DOMAIN_SCREENSHOT', number: 211, args: xdr.struct({ dom: domain, screen: xdr.uint, flags: xdr.uint }), ret: xdr.struct({ mime: remoteString }), stream: 'read',
});
const openDevice = xdr.struct({ dom: domain, dev_name: remoteString, flags: xdr.uint });
export const DOMAIN_OPEN_CONSOLE = defineProcedure({ name: 'DOMAIN_OPEN_CONSOLE', number: 201, args: openDevice, stream: 'both' });
export const DOMAIN_OPEN_CHANNEL = defineProcedure({ name: 'DOMAIN_OPEN_CHANNEL', number: 296, args: xdr.struct({ dom: domain, name: remoteString, flags: xdr.uint }), stream: 'both' });

/** Reads a read stream to its end, then completes libvirt's finish handshake. */
export async function readStreamToEnd(stream: LibvirtStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(stream, 'end');
  stream.end();
  if (!stream.writableFinished) await once(stream, 'finish');
  return Buffer.concat(chunks);
}

export interface Screenshot {
  /** As the daemon says, e.g. `image/png` (test driver) or `image/x-portable-pixmap` (QEMU). */
  mime: string | null;
  data: Buffer;
}

/** Screenshots and character devices: calls that carry a data stream. */
export const domainStreamMethods = {
  /** Takes a screenshot of `screen` and reads it completely. */
  async domainScreenshot(this: LibvirtConnectionCore, target: Domain, screen = 0, flags = 0, options?: CallOptions): Promise<Screenshot> {
    const { ret, stream } = await this.callWithStream(DOMAIN_SCREENSHOT, { dom: target, screen, flags }, options);
    return { mime: ret.mime, data: await readStreamToEnd(stream) };
  },
  /** The domain's console (serial/virtio) as a Duplex; `dev` names a device alias, null = the first console. Flags: FORCE 1, SAFE 2. */
  async domainOpenConsole(this: LibvirtConnectionCore, target: Domain, dev: string | null = null, flags = 0, options?: CallOptions): Promise<LibvirtStream> {
    return (await this.callWithStream(DOMAIN_OPEN_CONSOLE, { dom: target, dev_name: dev, flags }, options)).stream;
  },
  /** A named channel (e.g. `org.qemu.guest_agent.0`) as a Duplex. Flags: FORCE 1. */
  async domainOpenChannel(this: LibvirtConnectionCore, target: Domain, name: string | null, flags = 0, options?: CallOptions): Promise<LibvirtStream> {
    return (await this.callWithStream(DOMAIN_OPEN_CHANNEL, { dom: target, name, flags }, options)).stream;
  },
};
