import { KvmkitError } from '../errors/kvmkit-error.ts';

/** Read access to an extension registry, as configurators get it. */
export interface ExtensionLookup<Extension> {
  get(key: string): Extension | undefined;
  /** The extension for `key`, or an `EXTENSION_UNKNOWN` error naming `path` and what is registered. */
  require(key: string, path: string): Extension;
  /** The plugin that provided `key`. */
  pluginOf(key: string): string | undefined;
  keys(): string[];
}

/**
 * A named set of one kind of extension (volume sources by `kind`, network bindings by `name`),
 * filled from plugin manifests. Duplicate names are refused, naming both plugins.
 */
export class ExtensionRegistry<Extension> implements ExtensionLookup<Extension> {
  readonly #entries = new Map<string, { extension: Extension; plugin: string }>();

  constructor(
    /** What the extensions are, for messages: `volume source`, `network binding`. */
    readonly label: string,
  ) {}

  add(key: string, extension: Extension, plugin: string): void {
    const existing = this.#entries.get(key);
    if (existing !== undefined) {
      throw new KvmkitError('EXTENSION_DUPLICATE', `${this.label} '${key}' from plugin '${plugin}' is already provided by plugin '${existing.plugin}'`, { plugin, extension: key });
    }
    this.#entries.set(key, { extension, plugin });
  }

  get(key: string): Extension | undefined {
    return this.#entries.get(key)?.extension;
  }

  /** The extension for `key`, or an error saying which field asked for it and what is available. */
  require(key: string, path: string): Extension {
    const found = this.get(key);
    if (found !== undefined) return found;
    const known = [...this.#entries.keys()].join(', ') || 'none';
    throw new KvmkitError('EXTENSION_UNKNOWN', `${path}: no registered plugin provides ${this.label} '${key}' (registered: ${known})`, { path, extension: key });
  }

  /** The plugin that provided `key`. */
  pluginOf(key: string): string | undefined {
    return this.#entries.get(key)?.plugin;
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }
}
