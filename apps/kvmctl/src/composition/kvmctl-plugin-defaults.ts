import { isRecord } from './is-record.ts';

/**
 * Plugin options kvmctl sets unless the user's options say otherwise. The base plugin's serial
 * console defaults to KubeVirt's unix socket; kvmctl, like virsh, attaches to consoles through
 * libvirt's console stream, which libvirt 9 offers only for PTY consoles, so kvmctl asks for one.
 */
const KVMCTL_PLUGIN_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  base: { serialConsole: 'pty' },
};

/** `options` with kvmctl's defaults filled in for the loaded plugins that have any. */
export function withKvmctlPluginDefaults(plugins: readonly string[], options: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...options };
  for (const [plugin, defaults] of Object.entries(KVMCTL_PLUGIN_DEFAULTS)) {
    if (!plugins.includes(plugin)) continue;
    const given = merged[plugin];
    // Options of the wrong shape are left as they are, for the plugin's own schema to report.
    if (given === undefined || isRecord(given)) merged[plugin] = { ...defaults, ...given };
  }
  return merged;
}
