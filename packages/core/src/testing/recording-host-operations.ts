import type { DiskImageRequest, HostOperations, PortForwardRequest, PortForwardResult, PortReleaseRequest } from '../host/host-operations.ts';

/** One call a plugin's prepare step made, in order. */
export type HostOperationCall =
  | { operation: 'exists'; path: string }
  | { operation: 'makeDirectory'; path: string }
  | { operation: 'writeFile'; path: string; content: Uint8Array | string; mode?: number }
  | { operation: 'removeFile'; path: string }
  | { operation: 'createDiskImage'; request: DiskImageRequest }
  | { operation: 'ensureNetwork'; name: string; networkXml: string }
  | { operation: 'forwardPorts'; request: PortForwardRequest }
  | { operation: 'releasePorts'; request: PortReleaseRequest };

/**
 * A `HostOperations` for plugin tests: it records every call and keeps written files in memory,
 * so a test can assert what `prepare` would do without touching the host. `existing` seeds the
 * paths that `exists` reports.
 */
export class RecordingHostOperations implements HostOperations {
  readonly calls: HostOperationCall[] = [];
  readonly files = new Map<string, Uint8Array | string>();
  /** The address `forwardPorts` answers with (a real host picks one on the network). */
  guestAddress = '10.0.2.200';
  readonly #existing: Set<string>;

  constructor(existing: Iterable<string> = []) {
    this.#existing = new Set(existing);
  }

  exists(path: string): Promise<boolean> {
    this.calls.push({ operation: 'exists', path });
    return Promise.resolve(this.#existing.has(path) || this.files.has(path));
  }

  makeDirectory(path: string): Promise<void> {
    this.calls.push({ operation: 'makeDirectory', path });
    this.#existing.add(path);
    return Promise.resolve();
  }

  writeFile(path: string, content: Uint8Array | string, options: { mode?: number } = {}): Promise<void> {
    this.calls.push({ operation: 'writeFile', path, content, ...(options.mode === undefined ? {} : { mode: options.mode }) });
    this.files.set(path, content);
    return Promise.resolve();
  }

  removeFile(path: string): Promise<void> {
    this.calls.push({ operation: 'removeFile', path });
    this.files.delete(path);
    this.#existing.delete(path);
    return Promise.resolve();
  }

  createDiskImage(request: DiskImageRequest): Promise<void> {
    this.calls.push({ operation: 'createDiskImage', request });
    this.#existing.add(request.path);
    return Promise.resolve();
  }

  ensureNetwork(name: string, networkXml: string): Promise<void> {
    this.calls.push({ operation: 'ensureNetwork', name, networkXml });
    return Promise.resolve();
  }

  forwardPorts(request: PortForwardRequest): Promise<PortForwardResult> {
    this.calls.push({ operation: 'forwardPorts', request });
    return Promise.resolve({ guestAddress: this.guestAddress });
  }

  releasePorts(request: PortReleaseRequest): Promise<void> {
    this.calls.push({ operation: 'releasePorts', request });
    return Promise.resolve();
  }
}
