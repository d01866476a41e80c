import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { cpuModeConfigurator } from './cpu-mode-configurator.ts';
import { numaConfigurator } from './numa-configurator.ts';
import { cpuTopologyOptionsSchema, type CpuTopologyOptions } from './options.ts';
import { placementConfigurator } from './placement-configurator.ts';
import { topologyConfigurator } from './topology-configurator.ts';
import { PLUGIN_VERSION } from './version.ts';

/** The `cpu-topology` plugin: CPU mode and features, topology, hotplug, NUMA, pinning, realtime. */
export const cpuTopologyPlugin: PluginManifest<CpuTopologyOptions> = definePlugin({
  specificationVersion: 'v1',
  name: 'cpu-topology',
  version: PLUGIN_VERSION,
  core: '^0.1.0',
  optionsSchema: cpuTopologyOptionsSchema,
  configurators: [cpuModeConfigurator, topologyConfigurator, numaConfigurator, placementConfigurator],
});
