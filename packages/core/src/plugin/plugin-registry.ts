import type { VmiRule } from '@kvmkit/vmi';
import { KvmkitError } from '../errors/kvmkit-error.ts';
import { ExtensionRegistry } from '../extensions/extension-registry.ts';
import type { NetworkBinding } from '../extensions/network-binding.ts';
import type { VolumeSource } from '../extensions/volume-source.ts';
import { orderConfigurators, type RegisteredConfigurator } from '../pipeline/order-configurators.ts';
import { validatePluginOptions } from '../schema/validate-options.ts';
import { CORE_VERSION } from '../version.ts';
import { checkManifest } from './check-manifest.ts';
import type { PluginManifest } from './v1/plugin-manifest.ts';

/** A registered plugin with its validated, defaulted options. */
export interface PluginRegistration {
  readonly manifest: PluginManifest;
  readonly options: unknown;
}

/**
 * The plugins an agent is assembled from. Each is checked when registered: manifest shape,
 * supported core range, unique name, dependencies registered first, options valid.
 */
export class PluginRegistry {
  readonly volumeSources = new ExtensionRegistry<VolumeSource>('volume source');
  readonly networkBindings = new ExtensionRegistry<NetworkBinding>('network binding');
  readonly #plugins = new Map<string, PluginRegistration>();
  readonly #coreVersion: string;
  #ordered: RegisteredConfigurator[] | undefined;

  constructor(coreVersion: string = CORE_VERSION) {
    this.#coreVersion = coreVersion;
  }

  register<Options>(manifest: PluginManifest<Options>, options?: unknown): this {
    const anyManifest = manifest as PluginManifest;
    checkManifest(anyManifest, this.#coreVersion);
    const existing = this.#plugins.get(manifest.name);
    if (existing !== undefined) {
      throw new KvmkitError('PLUGIN_DUPLICATE_NAME', `plugin '${manifest.name}' ${manifest.version} is already registered (${existing.manifest.version})`, { plugin: manifest.name });
    }
    for (const dependency of manifest.dependencies ?? []) {
      if (!this.#plugins.has(dependency)) {
        throw new KvmkitError('PLUGIN_DEPENDENCY_MISSING', `plugin '${manifest.name}' requires plugin '${dependency}', which is not registered before it`, {
          plugin: manifest.name,
          dependency,
        });
      }
    }
    const validated = manifest.optionsSchema === undefined ? (options ?? {}) : validatePluginOptions(manifest.name, manifest.optionsSchema, options);
    // Extensions go in only once everything else about the plugin checked out.
    for (const source of anyManifest.volumeSources ?? []) this.volumeSources.add(source.kind, source, manifest.name);
    for (const binding of anyManifest.networkBindings ?? []) this.networkBindings.add(binding.name, binding, manifest.name);
    this.#plugins.set(manifest.name, { manifest: anyManifest, options: validated });
    this.#ordered = undefined;
    return this;
  }

  get(name: string): PluginRegistration | undefined {
    return this.#plugins.get(name);
  }

  /** Registered plugins in registration order. */
  get plugins(): readonly PluginRegistration[] {
    return [...this.#plugins.values()];
  }

  /** Every configurator of every plugin, in run order. */
  configurators(): readonly RegisteredConfigurator[] {
    this.#ordered ??= orderConfigurators(
      this.plugins.flatMap(({ manifest }) => (manifest.configurators ?? []).map((configurator) => ({ configurator, plugin: manifest.name }))),
    );
    return this.#ordered;
  }

  /** Plugin-level admission rules (configurators' own `validate` run separately). */
  rules(): VmiRule[] {
    return this.plugins.flatMap(({ manifest }) => [...(manifest.rules ?? [])]);
  }

  optionsOf(plugin: string): unknown {
    return this.#plugins.get(plugin)?.options;
  }
}
