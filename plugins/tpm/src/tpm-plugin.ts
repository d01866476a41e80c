import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { tpmConfigurator } from './tpm-configurator.ts';
import { tpmOptionsSchema, type TpmOptions } from './tpm-options.ts';
import { PLUGIN_VERSION } from './version.ts';

/** The `tpm` plugin: an emulated TPM 2.0 (swtpm) from `spec.domain.devices.tpm`. */
export const tpmPlugin: PluginManifest<TpmOptions> = definePlugin({
  specificationVersion: 'v1',
  name: 'tpm',
  version: PLUGIN_VERSION,
  core: '^0.1.0',
  optionsSchema: tpmOptionsSchema,
  configurators: [tpmConfigurator],
});
