import { parseDomainXml } from '@kvmkit/domain-xml';
import { LibvirtError, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import type { Duplex } from 'node:stream';

/** An open serial console and how it was reached. */
export interface OpenConsole {
  stream: Duplex;
  via: string;
  close(): void;
}

/** Connects to a local unix socket, resolving once connected. */
function connectSocket(path: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.once('connect', () => { socket.off('error', reject); resolve(socket); });
    socket.once('error', reject);
  });
}

/**
 * Opens the domain's serial console through libvirt's console stream. libvirt only streams PTY
 * consoles; KubeVirt-style VMIs put the serial on a unix socket (`<serial type='unix'>`, as
 * virtctl expects), which libvirt refuses. Then, when that socket is on this machine, kvmctl
 * connects to it directly, as virt-launcher's console proxy does.
 */
export async function openConsole(connection: LibvirtConnection, domain: Domain, device: string | undefined, force: boolean): Promise<OpenConsole> {
  try {
    const stream = await connection.domainOpenConsole(domain, device ?? null, force ? 1 : 0);
    return { stream, via: `libvirt console stream${device === undefined ? '' : ` of ${device}`}`, close: () => { stream.abort(); } };
  } catch (error) {
    if (!(error instanceof LibvirtError)) throw error;
    const model = parseDomainXml(await connection.domainGetXmlDesc(domain, 0));
    const serials = model.devices?.serials ?? [];
    const serial = device === undefined ? serials[0] : serials.find((entry) => entry.alias?.name === device);
    const path = serial?.type === 'unix' ? serial.sources?.[0]?.path : undefined;
    if (path === undefined || !existsSync(path)) {
      throw new Error(`libvirt cannot open the console of ${domain.name}: ${error.daemonMessage}${path === undefined ? '' : ` (its unix socket ${path} is not on this machine)`}`, { cause: error });
    }
    const socket = await connectSocket(path);
    return { stream: socket, via: `serial unix socket ${path} (libvirt: ${error.daemonMessage})`, close: () => { socket.destroy(); } };
  }
}
