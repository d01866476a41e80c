/**
 * kvmctl — the kvmkit command line and its composition root. The `kvmctl` binary is
 * `dist/main.js`; embedders can run it in-process with `runKvmctl`.
 */
export { runKvmctl, buildProgram } from './cli.ts';
export { createKvmctlContainer, type ContextProvider } from './composition/kvmctl-container.ts';
export { resolveSettings, SettingsError, type KvmctlSettings, type SettingsFlags } from './composition/kvmctl-settings.ts';
export { DEFAULT_PLUGINS, FIRST_PARTY_PLUGINS, loadPluginManifests } from './plugins/plugin-catalog.ts';
export { EXIT, type CommandOutput } from './commands/command-io.ts';
export type { TerminalIo } from './commands/terminal-io.ts';
