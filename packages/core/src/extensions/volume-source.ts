import type { Volume } from '@kvmkit/vmi';
import type { HostOperations } from '../host/host-operations.ts';
import type { ExtensionContext } from './extension-context.ts';

/** Where a VMI volume's data is, as the disk configurator needs it for `<disk><source>`. */
export interface ResolvedVolume {
  /** libvirt's disk type: `file`, `block`, `dir` or `network`. */
  type: 'file' | 'block' | 'dir' | 'network';
  /** The path (file/block/dir) the disk's source points at. */
  path: string;
  /** The image format, for the disk driver's `type`. */
  format: 'raw' | 'qcow2' | 'iso';
  /** The volume can only be attached read-only (a cloud-init ISO, a shared base image). */
  readOnly?: boolean;
}

/**
 * A kind of VMI volume (`hostDisk`, `containerDisk`, `cloudInitNoCloud`, …): how to find its data
 * (`resolve`, pure, part of conversion) and how to create it (`prepare`, I/O, run by the domain
 * manager before define, idempotent).
 *
 * Another plugin's configurator calls it (the base plugin's disks configurator), but its methods
 * always run with the context of the plugin that provides it: that plugin's `options` and name,
 * warnings attributed to it, and the VMI as `context.vmi`.
 */
export interface VolumeSource<Options = unknown> {
  /** The key of the VMI volume this source handles, e.g. `emptyDisk`. */
  readonly kind: string;
  resolve(volume: Volume, context: ExtensionContext<Options>): ResolvedVolume;
  prepare?(volume: Volume, resolved: ResolvedVolume, host: HostOperations, context: ExtensionContext<Options>): Promise<void>;
}

/**
 * A volume source as `context.volumeSources` hands it out: already bound to the plugin that
 * provides it and to the VMI, so callers pass no context. A context given as the last argument
 * (as callers did before sources were bound) is accepted and ignored: the source runs with its
 * provider's.
 */
export interface BoundVolumeSource {
  readonly kind: string;
  resolve(volume: Volume, ignoredContext?: unknown): ResolvedVolume;
  prepare?(volume: Volume, resolved: ResolvedVolume, host: HostOperations, ignoredContext?: unknown): Promise<void>;
}
