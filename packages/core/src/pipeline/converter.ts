import { formatDomainXml, type Domain } from '@kvmkit/domain-xml';
import { validateVmi, type VirtualMachineInstance, type VmiProblem } from '@kvmkit/vmi';
import type { ConfigureContext } from '../configurator/v1/configurator.ts';
import type { ConverterContext } from '../context/converter-context.ts';
import { KvmkitError } from '../errors/kvmkit-error.ts';
import { VmiInvalidError } from '../errors/vmi-invalid-error.ts';
import { PluginContexts } from '../plugin/plugin-contexts.ts';
import type { PluginRegistry } from '../plugin/plugin-registry.ts';
import type { ConversionResult } from './conversion-result.ts';
import type { RegisteredConfigurator } from './order-configurators.ts';

/** `namespace/name` of a VMI, for messages. */
export function vmiIdentity(vmi: VirtualMachineInstance): string {
  return `${vmi.metadata?.namespace ?? 'default'}/${vmi.metadata?.name ?? '(unnamed)'}`;
}

/**
 * Runs a configurator hook and attributes any failure to it: the plugin, the configurator, the
 * hook and the VMI. An error a plugin already attributed is passed through, not wrapped twice.
 */
function attributed<Result>(entry: RegisteredConfigurator, hook: 'validate' | 'configure', vmi: VirtualMachineInstance, run: () => Result): Result {
  try {
    return run();
  } catch (error) {
    if (KvmkitError.isInstance(error) && error.details.plugin !== undefined) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const pluginCode = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : undefined;
    const { name } = entry.configurator;
    throw new KvmkitError('CONFIGURATOR_FAILED', `configurator '${name}' of plugin '${entry.plugin}' failed in ${hook} for VMI ${vmiIdentity(vmi)}: ${message}`, {
      plugin: entry.plugin,
      configurator: name,
      hook,
      vmi: vmiIdentity(vmi),
      ...(pluginCode === undefined ? {} : { pluginCode }),
    }, { cause: error });
  }
}

/**
 * Converts VMIs to libvirt domains with the registered plugins: every admission rule first (all
 * problems at once), then every configurator in order. Pure: the same VMI and context give the
 * same bytes. Defaults are not applied here; callers run `withDefaults` visibly beforehand.
 */
export class Converter {
  readonly #registry: PluginRegistry;

  constructor(registry: PluginRegistry) {
    this.#registry = registry;
  }

  get registry(): PluginRegistry {
    return this.#registry;
  }

  /**
   * A configurator's context: its plugin's options, and extension lookups (from `contexts`, one
   * per VMI) that run each volume source and network binding with its provider's options.
   */
  #contextFor(entry: RegisteredConfigurator, context: ConverterContext, contexts: PluginContexts, warnings: VmiProblem[]): ConfigureContext {
    return Object.freeze({
      ...context,
      options: this.#registry.optionsOf(entry.plugin),
      plugin: entry.plugin,
      volumeSources: contexts.volumeSources,
      networkBindings: contexts.networkBindings,
      warn: (path: string, reason: string) => { warnings.push({ path, reason, severity: 'warning', rule: entry.configurator.name }); },
    });
  }

  /** Every problem with the VMI: core rules, plugin rules, and each configurator's own rules. */
  validate(vmi: VirtualMachineInstance, context: ConverterContext): VmiProblem[] {
    const problems = validateVmi(vmi, { rules: this.#registry.rules() });
    const contexts = new PluginContexts(this.#registry, context, vmi, problems);
    for (const entry of this.#registry.configurators()) {
      const { configurator } = entry;
      if (configurator.validate === undefined) continue;
      const configureContext = this.#contextFor(entry, context, contexts, problems);
      problems.push(...attributed(entry, 'validate', vmi, () => configurator.validate?.(vmi, configureContext) ?? []));
    }
    return problems;
  }

  /** Validates, then converts; throws `VmiInvalidError` listing every error when validation fails. */
  convert(vmi: VirtualMachineInstance, context: ConverterContext): ConversionResult {
    const problems = this.validate(vmi, context);
    if (problems.some((problem) => problem.severity === 'error')) throw new VmiInvalidError(vmiIdentity(vmi), problems);
    const warnings = [...problems];
    // The starting point every configurator builds on: the hypervisor type and the VMI's name.
    const domain: Domain = { type: context.virtType, name: vmi.metadata?.name ?? '' };
    const ran: string[] = [];
    const contexts = new PluginContexts(this.#registry, context, vmi, warnings);
    for (const entry of this.#registry.configurators()) {
      const configureContext = this.#contextFor(entry, context, contexts, warnings);
      attributed(entry, 'configure', vmi, () => { entry.configurator.configure(vmi, domain, configureContext); });
      ran.push(entry.configurator.name);
    }
    return { domain, xml: formatDomainXml(domain), warnings, configurators: ran };
  }
}
