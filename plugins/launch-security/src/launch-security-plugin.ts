import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { launchSecurityConfigurator } from './launch-security-configurator.ts';
import { launchSecurityOptionsSchema, type LaunchSecurityOptions } from './launch-security-options.ts';
import { PLUGIN_VERSION } from './version.ts';

/** The `launch-security` plugin: AMD SEV / SEV-ES / SEV-SNP and Intel TDX from `spec.domain.launchSecurity`. */
export const launchSecurityPlugin: PluginManifest<LaunchSecurityOptions> = definePlugin({
  specificationVersion: 'v1',
  name: 'launch-security',
  version: PLUGIN_VERSION,
  core: '^0.1.0',
  optionsSchema: launchSecurityOptionsSchema,
  configurators: [launchSecurityConfigurator],
});
