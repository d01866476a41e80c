import type { VirtualMachineInstance, VmiRule } from '@kvmkit/vmi';
import type { ConfigureContext, Configurator } from '../../configurator/v1/configurator.ts';
import type { NetworkBinding } from '../../extensions/network-binding.ts';
import type { VolumeSource } from '../../extensions/volume-source.ts';
import type { HostOperations } from '../../host/host-operations.ts';
import type { StandardSchemaV1 } from '../../schema/standard-schema.ts';

/**
 * What a plugin package exports: who it is, which cores it works with, and what it contributes.
 * Core checks a manifest when it is registered (fastify's plugin metadata, checked at
 * registration), so a mismatch fails when an agent is assembled, not mid-conversion.
 *
 * @example
 * ```ts
 * export const descriptionPlugin = definePlugin({
 *   specificationVersion: 'v1',
 *   name: 'acme:description',
 *   version: '1.0.0',
 *   core: '^0.1.0',
 *   optionsSchema: z.object({ prefix: z.string().default('VM') }),
 *   configurators: [{
 *     specificationVersion: 'v1',
 *     name: 'acme:description',
 *     configure(vmi, domain, { options }) { domain.description = `${options.prefix} ${vmi.metadata?.name ?? ''}`; },
 *   }],
 * });
 * ```
 */
export interface PluginManifest<Options = unknown> {
  /** The manifest contract version. */
  readonly specificationVersion: 'v1';
  /** Unique plugin name, namespaced: `base`, `cpu-topology`, `acme:sriov`. */
  readonly name: string;
  /** The plugin package's own version (for `kvmctl plugins` and error messages). */
  readonly version: string;
  /** The semver range of @kvmkit/core versions this plugin supports, e.g. `^0.1.0`. */
  readonly core: string;
  /** Plugins that must be registered before this one (by name). */
  readonly dependencies?: readonly string[];
  /**
   * Validates and defaults the plugin's options (any Standard Schema: zod, valibot, …). Without
   * one, the plugin takes no options.
   */
  readonly optionsSchema?: StandardSchemaV1<unknown, Options>;
  readonly configurators?: readonly Configurator<Options>[];
  /** VMI admission rules beyond those of its configurators (e.g. cross-field rules). */
  readonly rules?: readonly VmiRule[];
  /**
   * Volume kinds this plugin resolves and prepares. Whichever plugin calls them, they run with
   * THIS plugin's options (see `ExtensionContext`).
   */
  readonly volumeSources?: readonly VolumeSource<Options>[];
  /** Interface bindings this plugin provides; like volume sources, they run with this plugin's options. */
  readonly networkBindings?: readonly NetworkBinding<Options>[];
  /** Host-side preparation for a VMI (beyond its volume sources and bindings), run before define. */
  prepare?(vmi: VirtualMachineInstance, host: HostOperations, context: ConfigureContext<Options>): Promise<void>;
  /**
   * Undoes what `prepare` set up on the host that outlives the domain (port forwards, address
   * reservations), run by the domain manager when the VMI is deleted, and on the source host
   * after the VMI migrated away. Idempotent: it may run for a VMI whose `prepare` never ran or
   * that was released already.
   */
  release?(vmi: VirtualMachineInstance, host: HostOperations, context: ConfigureContext<Options>): Promise<void>;
}

/** Identity helper that gives a manifest literal its types (options inferred from the schema). */
export function definePlugin<Options>(manifest: PluginManifest<Options>): PluginManifest<Options> {
  return manifest;
}
