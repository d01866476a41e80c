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
}

export interface DiskImageRequest {
  path: string;
  format: 'raw' | 'qcow2';
  /** Size in bytes; required unless `backingFile` is given. */
  sizeBytes?: bigint;
  backingFile?: { path: string; format: 'raw' | 'qcow2' };
}
