import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Drivers the tiny guest loads at boot when the kernel has them as modules:
 * virtio devices a KubeVirt-style VMI can have, SCSI/SATA disks and CD-ROMs,
 * and the ACPI power button plus evdev so that acpid sees button presses.
 */
export const DEFAULT_GUEST_MODULES: readonly string[] = [
  'virtio_pci',
  'virtio_blk',
  'virtio_net',
  'virtio_console',
  'virtio_balloon',
  'virtio_mem',
  'virtio_rng',
  'virtio_scsi',
  'sd_mod',
  'sr_mod',
  'ahci',
  'button',
  'evdev',
];

export interface KernelModule {
  /** Canonical module name: "virtio_rng" for virtio-rng.ko. */
  name: string;
  /** Path relative to /lib/modules/<version>, as in modules.dep. */
  path: string;
}

export interface ModuleResolution {
  /** Modules to insmod, in this order: every dependency before its dependants. */
  modules: KernelModule[];
  /** Requested names that are built into the kernel (nothing to load). */
  builtin: string[];
  /** Requested names that are neither modules nor built in. */
  missing: string[];
}

interface DepEntry {
  path: string;
  dependencies: string[];
}

/** "kernel/drivers/char/hw_random/virtio-rng.ko.xz" → "virtio_rng" (modprobe treats - and _ alike). */
export function moduleName(pathOrName: string): string {
  const base = pathOrName.slice(pathOrName.lastIndexOf('/') + 1);
  return base.replace(/\.ko(\.(gz|xz|zst))?$/, '').replaceAll('-', '_');
}

/** Parses modules.dep: "path.ko: dep1.ko dep2.ko" per line, keyed by module name. */
export function parseModulesDep(text: string): Map<string, DepEntry> {
  const entries = new Map<string, DepEntry>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const path = line.slice(0, colon).trim();
    const dependencies = line.slice(colon + 1).trim().split(/\s+/).filter(Boolean);
    entries.set(moduleName(path), { path, dependencies });
  }
  return entries;
}

/** Orders the requested modules and their dependencies so that each loads after what it needs. */
export function orderModules(dep: Map<string, DepEntry>, builtinNames: ReadonlySet<string>, requested: readonly string[]): ModuleResolution {
  const modules: KernelModule[] = [];
  const builtin: string[] = [];
  const missing: string[] = [];
  const done = new Set<string>();
  const inProgress = new Set<string>();

  const visit = (name: string, chain: string[]): void => {
    if (done.has(name)) return;
    if (inProgress.has(name)) throw new Error(`modules.dep has a dependency cycle: ${[...chain, name].join(' -> ')}`);
    const entry = dep.get(name);
    if (!entry) throw new Error(`modules.dep lists ${chain.at(-1) ?? '?'} depending on ${name}, which has no entry of its own`);
    inProgress.add(name);
    // modprobe loads the listed dependencies last-to-first; doing the same
    // keeps our order identical to what the host would do.
    for (const dependency of [...entry.dependencies].reverse()) visit(moduleName(dependency), [...chain, name]);
    inProgress.delete(name);
    done.add(name);
    modules.push({ name, path: entry.path });
  };

  for (const requestedName of requested) {
    const name = moduleName(requestedName);
    if (dep.has(name)) visit(name, []);
    else if (builtinNames.has(name)) {
      if (!builtin.includes(name)) builtin.push(name);
    } else if (!missing.includes(name)) missing.push(name);
  }
  return { modules, builtin, missing };
}

/** Resolves modules against /lib/modules/<version> (or any directory laid out like it). */
export async function resolveModules(moduleDir: string, requested: readonly string[]): Promise<ModuleResolution> {
  const depText = await readFile(join(moduleDir, 'modules.dep'), 'utf8');
  // modules.builtin can be absent on kernels built without modules.builtin support.
  const builtinText = await readFile(join(moduleDir, 'modules.builtin'), 'utf8').catch(() => '');
  const builtinNames = new Set(builtinText.split('\n').filter(Boolean).map(moduleName));
  return orderModules(parseModulesDep(depText), builtinNames, requested);
}
