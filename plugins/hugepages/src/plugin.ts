import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { memoryBackingConfigurator } from './memory-backing-configurator.ts';
import { hugepagesOptionsSchema, type HugepagesOptions } from './options.ts';

/** The manifest: huge pages, memfd and shared access in `<memoryBacking>`. */
export const hugepagesPlugin: PluginManifest<HugepagesOptions> = definePlugin({
  specificationVersion: 'v1',
  name: 'hugepages',
  version: '0.1.0',
  core: '^0.1.0',
  optionsSchema: hugepagesOptionsSchema,
  configurators: [memoryBackingConfigurator],
});
