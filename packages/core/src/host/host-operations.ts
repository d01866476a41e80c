/**
 * The narrow set of host actions a plugin's `prepare` step may take. Plugins never import the
 * RPC client or the domain manager: the manager implements this interface for real, and a
 * plugin's tests use a recording fake of it. Every path must lie inside the context's
 * directories; implementations refuse anything else.
 */
export interface HostOperations {
  /** Whether a file or directory exists at `path`. */
  exists(path: string): Promise<boolean>;
  /** Creates `path` and its parents; no error when it exists. */
  makeDirectory(path: string): Promise<void>;
  /** Writes a file atomically (temp file, then rename). */
  writeFile(path: string, content: Uint8Array | string, options?: { mode?: number }): Promise<void>;
  /** Removes a file; no error when it is absent. */
  removeFile(path: string): Promise<void>;
  /**
   * Creates a disk image with `qemu-img create`: a sized image, or a qcow2 overlay on
   * `backingFile` (whose format must be given: no format probing of user images).
   */
  createDiskImage(request: DiskImageRequest): Promise<void>;
  /** Defines (if missing) and starts (if inactive) a libvirt network from its XML. */
  ensureNetwork(name: string, networkXml: string): Promise<void>;
  /**
   * Makes ports of a guest on a libvirt NAT network reachable through the host, as KubeVirt's
   * masquerade forwards a pod's ports into the VM: the guest's MAC gets a fixed DHCP address on
   * the network, and each host port is forwarded to it (destination NAT). Idempotent: calling it
   * again with the same request changes nothing; a changed request replaces the owner's forwards.
   * Optional: hosts that cannot forward ports leave it out, and plugins report that.
   */
  forwardPorts?(request: PortForwardRequest): Promise<PortForwardResult>;
  /**
   * Removes every forward `owner` holds and the fixed addresses they pointed to (or that name the
   * owner); no error when there are none. It needs neither the MAC nor the options the forwards
   * were made with, so it also cleans up after a VMI whose ports, binding or network changed.
   */
  releasePorts?(request: PortReleaseRequest): Promise<void>;
}

/** One port of the guest reachable through the host. */
export interface ForwardedPort {
  protocol: 'tcp' | 'udp' | 'sctp';
  /** The port clients connect to on the host's addresses. */
  hostPort: number;
  /** The port in the guest. */
  guestPort: number;
}

export interface PortForwardRequest {
  /** Who holds the forwards: the VMI's `namespace/name`; `releasePorts` removes by it. */
  owner: string;
  /** The libvirt network (NAT, with DHCP) the guest's interface is on. */
  network: string;
  /** The guest interface's MAC (lower case, colons). */
  mac: string;
  ports: ForwardedPort[];
}

export interface PortForwardResult {
  /** The fixed address the guest gets from the network's DHCP, and the forwards' target. */
  guestAddress: string;
}

export interface PortReleaseRequest {
  /** Whose forwards and fixed addresses to remove: the `owner` they were forwarded for. */
  owner: string;
  /** The libvirt network the fixed addresses are on; absent: every active network is searched. */
  network?: string;
}

export interface DiskImageRequest {
  path: string;
  format: 'raw' | 'qcow2';
  /** Size in bytes; required unless `backingFile` is given. */
  sizeBytes?: bigint;
  backingFile?: { path: string; format: 'raw' | 'qcow2' };
}
