import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { clockConfigurator } from './clock-configurator.ts';
import { enlightenmentsConfigurator } from './enlightenments-configurator.ts';
import { hypervOptionsSchema, type HypervOptions } from './options.ts';
import { PLUGIN_VERSION } from './version.ts';

/** The `hyperv` plugin: Hyper-V enlightenments (or passthrough) and the Hyper-V clock. */
export const hypervPlugin: PluginManifest<HypervOptions> = definePlugin({
  specificationVersion: 'v1',
  name: 'hyperv',
  version: PLUGIN_VERSION,
  core: '^0.1.0',
  optionsSchema: hypervOptionsSchema,
  configurators: [enlightenmentsConfigurator, clockConfigurator],
});
