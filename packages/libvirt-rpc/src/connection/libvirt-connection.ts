import { domainDeviceMethods } from '../api/domain-devices.ts';
import { domainGuestAgentMethods } from '../api/domain-guest-agent.ts';
import { domainInfoMethods } from '../api/domain-info.ts';
import { domainJobMethods } from '../api/domain-jobs.ts';
import { domainLifecycleMethods } from '../api/domain-lifecycle.ts';
import { domainLookupMethods } from '../api/domain-lookup.ts';
import { domainMigrationMethods } from '../api/domain-migration.ts';
import { domainSnapshotMethods } from '../api/domain-snapshots.ts';
import { domainStreamMethods } from '../api/domain-streams.ts';
import { hostMethods } from '../api/host.ts';
import { networkMethods } from '../api/networks.ts';
import { storageMethods } from '../api/storage.ts';
import { LibvirtConnectionCore, type ConnectOptions } from './libvirt-connection-core.ts';

// Each API area is a plain object of methods typed with `this: LibvirtConnectionCore`; they are
// installed on one prototype so the connection stays a single object without a god file.
export const API_AREAS = [
  hostMethods, domainLookupMethods, domainLifecycleMethods, domainInfoMethods, domainDeviceMethods, domainGuestAgentMethods,
  domainJobMethods, domainMigrationMethods, domainSnapshotMethods, domainStreamMethods, networkMethods, storageMethods,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
type AreaMethods = UnionToIntersection<(typeof API_AREAS)[number]>;
// On the connection the areas' `this: LibvirtConnectionCore` is always met, so the public type drops
// it: a consumer can then depend on a few methods only (`Pick<LibvirtConnection, 'networkIsActive'>`).
type ApiMethods = { [Name in keyof AreaMethods]: OmitThisParameter<AreaMethods[Name]> };

class LibvirtConnectionImpl extends LibvirtConnectionCore {
  static async open(uri: string, options: ConnectOptions): Promise<LibvirtConnectionImpl> {
    const { resolved, session } = await LibvirtConnectionCore.openCore(uri, options);
    return new LibvirtConnectionImpl(uri, resolved, options, session);
  }
}
for (const area of API_AREAS) {
  for (const [name, method] of Object.entries(area)) {
    Object.defineProperty(LibvirtConnectionImpl.prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
  }
}

/** An open connection to libvirtd with every typed API method. */
export type LibvirtConnection = LibvirtConnectionCore & ApiMethods;

/**
 * Connects like libvirt's remote driver: picks the socket (or TCP/TLS endpoint) for `uri`, runs
 * AUTH_LIST (polkit when offered), probes keepalive and opens the driver URI in the daemon.
 *
 * URIs: `qemu:///system`, `qemu:///session`, `qemu+unix:///system?socket=…`, `test+unix:///default?socket=…`,
 * `test:///default` (through the daemon), `qemu+tcp://host/system`, `qemu+tls://host/system`.
 */
export async function connect(uri: string, options: ConnectOptions = {}): Promise<LibvirtConnection> {
  return (await LibvirtConnectionImpl.open(uri, options)) as LibvirtConnection;
}
