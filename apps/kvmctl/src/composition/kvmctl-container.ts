import { CONTEXT_PROVIDER_TOKEN, CONVERTER_TOKEN, Converter, PLUGIN_REGISTRY_TOKEN, PluginRegistry, type ConverterContext } from '@kvmkit/core';
import { container, type DependencyContainer } from 'tsyringe';
import { offlineConverterContext } from '../context/offline-context.ts';
import { loadPluginManifests } from '../plugins/plugin-catalog.ts';
import type { KvmctlSettings } from './kvmctl-settings.ts';

/** Builds the converter context for this run. */
export type ContextProvider = () => Promise<ConverterContext>;

/**
 * The composition root: the only place kvmctl registers things. Each invocation gets its own
 * child container, so tests and embedders never share state through tsyringe's global one.
 */
export async function createKvmctlContainer(settings: KvmctlSettings): Promise<DependencyContainer> {
  const registry = new PluginRegistry();
  for (const manifest of await loadPluginManifests(settings.plugins)) {
    registry.register(manifest, settings.pluginOptions[manifest.name]);
  }
  for (const name of Object.keys(settings.pluginOptions)) {
    if (registry.get(name) === undefined) throw new Error(`options were given for plugin '${name}', which is not loaded (loaded: ${settings.plugins.join(', ')})`);
  }
  const scope = container.createChildContainer();
  scope.register(PLUGIN_REGISTRY_TOKEN, { useValue: registry });
  scope.register(CONVERTER_TOKEN, { useValue: new Converter(registry) });
  const contextProvider: ContextProvider = () => Promise.resolve(offlineConverterContext(settings));
  scope.register(CONTEXT_PROVIDER_TOKEN, { useValue: contextProvider });
  return scope;
}
