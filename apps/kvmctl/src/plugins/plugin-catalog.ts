import type { PluginManifest } from '@kvmkit/core';

/** kvmkit's own plugins, by the short name users pass to `--plugins`. */
export const FIRST_PARTY_PLUGINS: Readonly<Record<string, string>> = {
  base: '@kvmkit/plugin-base',
  'cpu-topology': '@kvmkit/plugin-cpu-topology',
  hugepages: '@kvmkit/plugin-hugepages',
  'virtio-mem': '@kvmkit/plugin-virtio-mem',
  hyperv: '@kvmkit/plugin-hyperv',
  tpm: '@kvmkit/plugin-tpm',
  'launch-security': '@kvmkit/plugin-launch-security',
  'network-binding': '@kvmkit/plugin-network-binding',
};

/** The plugins kvmctl loads when neither flags nor a config file choose: all of kvmkit's own. */
export const DEFAULT_PLUGINS: readonly string[] = Object.keys(FIRST_PARTY_PLUGINS);

function looksLikeManifest(value: unknown): value is PluginManifest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<PluginManifest>;
  return candidate.specificationVersion !== undefined && typeof candidate.name === 'string' && typeof candidate.core === 'string';
}

/**
 * Picks the plugin manifest a package exports: the one named like the plugin, else its only
 * manifest. Packages may export several (a preset and subsets); the name decides.
 */
export function manifestFromModule(moduleExports: Record<string, unknown>, pluginName: string, specifier: string): PluginManifest {
  const manifests = Object.values(moduleExports).filter(looksLikeManifest);
  const named = manifests.find((manifest) => manifest.name === pluginName);
  if (named !== undefined) return named;
  const unique = [...new Set(manifests)];
  if (unique.length === 1 && unique[0] !== undefined) return unique[0];
  const found = unique.map((manifest) => manifest.name).join(', ') || 'none';
  throw new Error(`package ${specifier} exports no plugin manifest named '${pluginName}' (manifests found: ${found})`);
}

/**
 * Loads plugins by short name (kvmkit's own) or by package name (third parties'), in the order
 * given, which is their registration order.
 */
export async function loadPluginManifests(names: readonly string[]): Promise<PluginManifest[]> {
  const manifests: PluginManifest[] = [];
  for (const name of names) {
    const specifier = FIRST_PARTY_PLUGINS[name] ?? name;
    let moduleExports: Record<string, unknown>;
    try {
      moduleExports = (await import(specifier)) as Record<string, unknown>;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot load plugin '${name}' from ${specifier}: ${reason}`, { cause: error });
    }
    manifests.push(manifestFromModule(moduleExports, name, specifier));
  }
  return manifests;
}
