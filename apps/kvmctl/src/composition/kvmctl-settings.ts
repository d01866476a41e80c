import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { VirtType } from '@kvmkit/core';
import { DEFAULT_PLUGINS } from '../plugins/plugin-catalog.ts';
import { isRecord } from './is-record.ts';
import { withKvmctlPluginDefaults } from './kvmctl-plugin-defaults.ts';

/** What kvmctl is assembled from: chosen by flags, else a config file, else defaults. */
export interface KvmctlSettings {
  plugins: string[];
  /** Options per plugin name. */
  pluginOptions: Record<string, unknown>;
  /** Unset means: decide by probing KVM when a daemon is used, `kvm` for offline conversion. */
  virtType: VirtType | undefined;
  stateDirectory: string;
}

/** The flags that shape settings; all optional. */
export interface SettingsFlags {
  config?: string;
  plugins?: string;
  options?: string;
  virtType?: string;
}

interface ConfigFile {
  plugins?: unknown;
  options?: unknown;
  virtType?: unknown;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

function readStructured(path: string, what: string): unknown {
  if (!existsSync(path)) throw new SettingsError(`${what} ${path} does not exist`);
  try {
    return parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new SettingsError(`${what} ${path} is not valid YAML or JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function virtTypeFrom(value: unknown, source: string): VirtType {
  if (value === 'kvm' || value === 'qemu') return value;
  throw new SettingsError(`${source}: virt type must be 'kvm' or 'qemu', got '${String(value)}'`);
}

export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'kvmkit', 'kvmctl.yaml');
}

export function defaultStateDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'kvmkit');
}

/** Resolves settings: flags win over the config file (`--config`, else ~/.config/kvmkit/kvmctl.yaml), which wins over defaults. */
export function resolveSettings(flags: SettingsFlags, env: NodeJS.ProcessEnv = process.env): KvmctlSettings {
  const configPath = flags.config ?? defaultConfigPath(env);
  const config = (flags.config !== undefined || existsSync(configPath) ? readStructured(configPath, 'config file') : {}) as ConfigFile | null;
  if (config !== null && !isRecord(config)) throw new SettingsError(`config file ${configPath} must be a mapping with plugins, options, virtType`);
  const fromConfig = config ?? {};
  if (fromConfig.plugins !== undefined && !(Array.isArray(fromConfig.plugins) && fromConfig.plugins.every((name) => typeof name === 'string'))) {
    throw new SettingsError(`config file ${configPath}: plugins must be a list of plugin names`);
  }
  const plugins = flags.plugins !== undefined
    ? flags.plugins.split(',').map((name) => name.trim()).filter((name) => name !== '')
    : ((fromConfig.plugins) ?? [...DEFAULT_PLUGINS]);
  const options = flags.options !== undefined ? readStructured(flags.options, 'options file') : (fromConfig.options ?? {});
  if (!isRecord(options)) throw new SettingsError('plugin options must be a mapping from plugin name to its options');
  const virtType = flags.virtType !== undefined
    ? virtTypeFrom(flags.virtType, '--virt-type')
    : fromConfig.virtType !== undefined ? virtTypeFrom(fromConfig.virtType, `config file ${configPath}`) : undefined;
  return { plugins, pluginOptions: withKvmctlPluginDefaults(plugins, options), virtType, stateDirectory: defaultStateDirectory(env) };
}
