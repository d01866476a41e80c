import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import type { ConverterContext } from '../context/converter-context.ts';
import { BoundExtensionLookup } from '../extensions/bound-extension-lookup.ts';
import type { ExtensionContext } from '../extensions/extension-context.ts';
import type { ExtensionLookup } from '../extensions/extension-registry.ts';
import type { BoundNetworkBinding, NetworkBinding } from '../extensions/network-binding.ts';
import type { BoundVolumeSource, VolumeSource } from '../extensions/volume-source.ts';
import type { PluginRegistry } from './plugin-registry.ts';

/**
 * The contexts plugins run with for one VMI: each plugin's own (its options, warnings attributed
 * to it, the VMI) and the extension lookups every context hands out, which bind each volume
 * source and network binding to the plugin that PROVIDES it. The converter builds one per
 * conversion; hosts (the domain manager) build one per prepare, so an extension sees the same
 * options whether a configurator or a host step calls it.
 */
export class PluginContexts {
  readonly volumeSources: ExtensionLookup<BoundVolumeSource>;
  readonly networkBindings: ExtensionLookup<BoundNetworkBinding>;
  readonly #registry: PluginRegistry;
  readonly #context: ConverterContext;
  readonly #vmi: VirtualMachineInstance;
  readonly #warnings: VmiProblem[];
  readonly #byPlugin = new Map<string, ExtensionContext>();

  /** `warnings` collects what plugins and extensions report, each with `rule` set to its plugin. */
  constructor(registry: PluginRegistry, context: ConverterContext, vmi: VirtualMachineInstance, warnings: VmiProblem[]) {
    this.#registry = registry;
    this.#context = context;
    this.#vmi = vmi;
    this.#warnings = warnings;
    this.volumeSources = new BoundExtensionLookup(registry.volumeSources, (source, plugin) => bindVolumeSource(source, this.of(plugin)));
    this.networkBindings = new BoundExtensionLookup(registry.networkBindings, (binding, plugin) => bindNetworkBinding(binding, this.of(plugin)));
  }

  /** The context `plugin`'s extensions and host-side hooks run with. */
  of(plugin: string): ExtensionContext {
    const cached = this.#byPlugin.get(plugin);
    if (cached !== undefined) return cached;
    const warnings = this.#warnings;
    const context: ExtensionContext = Object.freeze({
      ...this.#context,
      options: this.#registry.optionsOf(plugin),
      plugin,
      vmi: this.#vmi,
      volumeSources: this.volumeSources,
      networkBindings: this.networkBindings,
      warn: (path: string, reason: string) => { warnings.push({ path, reason, severity: 'warning', rule: plugin }); },
    });
    this.#byPlugin.set(plugin, context);
    return context;
  }
}

// Object.create keeps every member of the extension reachable (a binding's own rules, members of a
// class instance); the core methods become own properties that pass the provider's context.

function bindNetworkBinding(binding: NetworkBinding, context: ExtensionContext): BoundNetworkBinding {
  const configureInterface: BoundNetworkBinding['configureInterface'] = (vmiInterface, network, domainInterface) => {
    binding.configureInterface(vmiInterface, network, domainInterface, context);
  };
  const prepare: BoundNetworkBinding['prepare'] = binding.prepare === undefined
    ? undefined
    : (vmiInterface, network, host) => binding.prepare?.(vmiInterface, network, host, context) ?? Promise.resolve();
  return Object.freeze(Object.create(binding, { configureInterface: { value: configureInterface }, prepare: { value: prepare } }) as BoundNetworkBinding);
}

function bindVolumeSource(source: VolumeSource, context: ExtensionContext): BoundVolumeSource {
  const resolve: BoundVolumeSource['resolve'] = (volume) => source.resolve(volume, context);
  const prepare: BoundVolumeSource['prepare'] = source.prepare === undefined
    ? undefined
    : (volume, resolved, host) => source.prepare?.(volume, resolved, host, context) ?? Promise.resolve();
  return Object.freeze(Object.create(source, { resolve: { value: resolve }, prepare: { value: prepare } }) as BoundVolumeSource);
}
