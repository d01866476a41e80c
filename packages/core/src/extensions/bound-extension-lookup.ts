import { KvmkitError } from '../errors/kvmkit-error.ts';
import type { ExtensionLookup } from './extension-registry.ts';

/**
 * An `ExtensionLookup` that hands out each extension bound to the plugin that provides it
 * (`bind` wraps it with that plugin's context). Keys, providers and the `EXTENSION_UNKNOWN`
 * error come from the underlying lookup; each key is bound once and the result reused.
 */
export class BoundExtensionLookup<Extension, Bound> implements ExtensionLookup<Bound> {
  readonly #extensions: ExtensionLookup<Extension>;
  readonly #bind: (extension: Extension, plugin: string) => Bound;
  readonly #bound = new Map<string, Bound>();

  constructor(extensions: ExtensionLookup<Extension>, bind: (extension: Extension, plugin: string) => Bound) {
    this.#extensions = extensions;
    this.#bind = bind;
  }

  get(key: string): Bound | undefined {
    const cached = this.#bound.get(key);
    if (cached !== undefined) return cached;
    const extension = this.#extensions.get(key);
    const plugin = this.#extensions.pluginOf(key);
    if (extension === undefined || plugin === undefined) return undefined;
    const bound = this.#bind(extension, plugin);
    this.#bound.set(key, bound);
    return bound;
  }

  require(key: string, path: string): Bound {
    const bound = this.get(key);
    if (bound !== undefined) return bound;
    // Throws the error naming the path and what is registered.
    this.#extensions.require(key, path);
    throw new KvmkitError('EXTENSION_UNKNOWN', `${path}: no plugin is recorded as providing '${key}'`, { path, extension: key });
  }

  pluginOf(key: string): string | undefined {
    return this.#extensions.pluginOf(key);
  }

  keys(): string[] {
    return this.#extensions.keys();
  }
}
