import { z } from 'zod';

/**
 * Options of the base plugin. Paths here are host paths; everything kvmkit creates lives in the
 * converter context's directories (`state`, `volumes`), which the caller makes per VMI.
 */
export const basePluginOptionsSchema = z.object({
  /**
   * Local image directory: container image `name:tag` is read from
   * `<imageDirectory>/<name, every '/' and ':' replaced by '_'>/<tag>/` (see the README).
   */
  imageDirectory: z.string().optional(),
  /** Image reference → directory, checked before `imageDirectory` (tests, pinned images). */
  images: z.record(z.string(), z.string()).default({}),
  /** Claim name (persistentVolumeClaim `claimName`, dataVolume `name`) → host path of its disk image. */
  claims: z.record(z.string(), z.string()).default({}),
  /**
   * Secret name → directory holding its keys as files (`userdata`/`userData`,
   * `networkdata`/`networkData`): cloud-init `secretRef`s are read from there by prepare.
   */
  secretDirectories: z.record(z.string(), z.string()).default({}),
  /** Roots a `hostDisk` path may lie under; a hostDisk anywhere else is refused. */
  hostDiskDirectories: z.array(z.string()).default([]),
  /** Cache mode of disks that do not set one (KubeVirt picks `none` when O_DIRECT works). */
  defaultDiskCache: z.enum(['none', 'writethrough', 'writeback', 'directsync', 'unsafe']).default('none'),
  /** Seconds between guest memory statistics (KubeVirt's default is 10; 0 turns them off). */
  memoryStatsPeriodSeconds: z.number().int().min(0).default(10),
  /** Keep a log file of the serial console next to its socket (KubeVirt's serial console log). */
  serialConsoleLog: z.boolean().default(true),
  /**
   * How the serial console is reached: `unix`, a socket in the state directory (KubeVirt's layout,
   * what virtctl's console proxy connects to), or `pty`, a pseudo-terminal that libvirt's own
   * console stream (virsh console, `domainOpenConsole`) can open; libvirt 9 streams only PTYs.
   */
  serialConsole: z.enum(['unix', 'pty']).default('unix'),
  /**
   * Free pcie-root-ports kept for hotplug on q35. Unset: KubeVirt's rule (3 for guests with at
   * most 2 GiB of memory, else 6, and at least 8 or 16 ports in all).
   */
  hotplugRootPorts: z.number().int().min(0).max(32).optional(),
});

/** The options as configurators receive them (validated, defaults applied). */
export type BasePluginOptions = z.output<typeof basePluginOptionsSchema>;
