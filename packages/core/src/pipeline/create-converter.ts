import type { PluginManifest } from '../plugin/v1/plugin-manifest.ts';
import { PluginRegistry } from '../plugin/plugin-registry.ts';
import { KvmkitError } from '../errors/kvmkit-error.ts';
import { Converter } from './converter.ts';

export interface CreateConverterOptions {
  /** Plugins in registration order (dependencies first). */
  plugins: readonly PluginManifest[];
  /** Options per plugin name. */
  options?: Readonly<Record<string, unknown>>;
}

/** A converter without a DI container: registers the plugins with their options and returns it. */
export function createConverter({ plugins, options = {} }: CreateConverterOptions): Converter {
  const registry = new PluginRegistry();
  for (const plugin of plugins) registry.register(plugin, options[plugin.name]);
  for (const name of Object.keys(options)) {
    if (registry.get(name) === undefined) throw new KvmkitError('PLUGIN_UNKNOWN', `options were given for plugin '${name}', which is not registered`, { plugin: name });
  }
  return new Converter(registry);
}
