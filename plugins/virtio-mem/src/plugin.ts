import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { hotplugConfigurator } from './hotplug-configurator.ts';
import { virtioMemOptionsSchema, type VirtioMemOptions } from './options.ts';

/** The manifest: memory hotplug with a virtio-mem device. */
export const virtioMemPlugin: PluginManifest<VirtioMemOptions> = definePlugin({
  specificationVersion: 'v1',
  name: 'virtio-mem',
  version: '0.1.0',
  core: '^0.1.0',
  optionsSchema: virtioMemOptionsSchema,
  configurators: [hotplugConfigurator],
});
