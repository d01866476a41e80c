import type { Domain } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import type { ConverterContext } from '../../context/converter-context.ts';
import type { ExtensionLookup } from '../../extensions/extension-registry.ts';
import type { BoundNetworkBinding } from '../../extensions/network-binding.ts';
import type { BoundVolumeSource } from '../../extensions/volume-source.ts';

/**
 * When a configurator runs relative to the others. The pipeline runs every `pre` configurator,
 * then every `normal` one, then every `post` one; inside a tier, `before`/`after` constraints
 * decide, and registration order breaks ties. There are no numeric priorities.
 *
 * Typical use: `pre` for what others read (identity, memory size, machine type), `normal` for
 * features, `post` for what looks at the finished domain (PCI address reservation, checks).
 */
export type ConfiguratorPhase = 'pre' | 'normal' | 'post';

/** What a configurator receives besides the VMI and the domain. */
export interface ConfigureContext<Options = unknown> extends ConverterContext {
  /** Its plugin's options, validated and defaulted by the plugin's options schema. */
  readonly options: Options;
  /** The name of the plugin this configurator belongs to. */
  readonly plugin: string;
  /**
   * Volume sources every registered plugin provides, by volume kind (`emptyDisk`, …): the disk
   * configurator resolves each VMI volume through it. Each comes bound to the plugin that
   * provides it: it runs with that plugin's options and the VMI, not with the caller's context.
   */
  readonly volumeSources: ExtensionLookup<BoundVolumeSource>;
  /**
   * Network bindings every registered plugin provides, by binding name (`passt`, …), each bound
   * to the plugin that provides it, as volume sources are.
   */
  readonly networkBindings: ExtensionLookup<BoundNetworkBinding>;
  /**
   * Reports something the user should know that does not stop the conversion (a field kvmkit
   * recognizes but does not act on, a default chosen for them). Attributed to the configurator.
   */
  readonly warn: (path: string, reason: string) => void;
}

/**
 * Contributes one feature of a VMI to the libvirt domain: KubeVirt's `Configure(vmi, domain)`
 * made TypeScript. A configurator reads the fields of the VMI it owns and writes the parts of
 * the typed `Domain` that express them.
 *
 * Contract:
 * - `configure` is pure: no I/O, no clock, no randomness. Anything that needs the host (a disk
 *   image to create, a network to ensure) belongs in the plugin's `prepare` step; anything read
 *   from the host comes in through the context.
 * - It must not depend on its position except through `phase`, `before` and `after`.
 * - It may throw; the pipeline reports the error with the plugin, the configurator and the VMI.
 *   Problems with the VMI itself belong in `validate`, which runs for every configurator before
 *   any `configure`, so the user sees all of them at once.
 */
export interface Configurator<Options = unknown> {
  /** The contract version this configurator implements. */
  readonly specificationVersion: 'v1';
  /** Unique across all plugins, namespaced by plugin: `base:memory`, `acme:sriov`. */
  readonly name: string;
  /** Tier; `normal` when absent. */
  readonly phase?: ConfiguratorPhase;
  /** Names of configurators this one must run after, when they are registered. */
  readonly after?: readonly string[];
  /** Names of configurators this one must run before, when they are registered. */
  readonly before?: readonly string[];
  /**
   * Admission rules for the fields this configurator owns. Runs on the VMI as given (before
   * conversion); returns every problem, each with its field path.
   */
  validate?(vmi: VirtualMachineInstance, context: ConfigureContext<Options>): VmiProblem[];
  /** Writes this configurator's feature into `domain`. */
  configure(vmi: VirtualMachineInstance, domain: Domain, context: ConfigureContext<Options>): void;
}
