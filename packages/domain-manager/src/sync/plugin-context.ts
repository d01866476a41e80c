import type { ConfigureContext, Converter, ConverterContext } from '@kvmkit/core';
import type { VmiProblem } from '@kvmkit/vmi';

/** The context a plugin's host-side hook runs with: its own options, warnings collected here. */
export function pluginContext(converter: Converter, plugin: string, context: ConverterContext, warnings: VmiProblem[]): ConfigureContext {
  const { registry } = converter;
  return {
    ...context,
    options: registry.optionsOf(plugin),
    plugin,
    volumeSources: registry.volumeSources,
    networkBindings: registry.networkBindings,
    warn: (path, reason) => { warnings.push({ path, reason, severity: 'warning', rule: plugin }); },
  };
}
