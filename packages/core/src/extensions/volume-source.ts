import type { Volume } from '@kvmkit/vmi';
import type { ConfigureContext } from '../configurator/v1/configurator.ts';
import type { HostOperations } from '../host/host-operations.ts';

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
 */
export interface VolumeSource<Options = unknown> {
  /** The key of the VMI volume this source handles, e.g. `emptyDisk`. */
  readonly kind: string;
  resolve(volume: Volume, context: ConfigureContext<Options>): ResolvedVolume;
  prepare?(volume: Volume, resolved: ResolvedVolume, host: HostOperations, context: ConfigureContext<Options>): Promise<void>;
}
