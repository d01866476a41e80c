import semver from 'semver';
import { KvmkitError } from '../errors/kvmkit-error.ts';
import type { PluginManifest } from './v1/plugin-manifest.ts';

const SUPPORTED_SPECIFICATIONS = ['v1'];

function invalid(plugin: string, reason: string): KvmkitError {
  return new KvmkitError('PLUGIN_INVALID_MANIFEST', `plugin '${plugin}': ${reason}`, { plugin });
}

/**
 * Checks a manifest's shape and its core range against `coreVersion`. Plugins come from other
 * packages, possibly plain JavaScript, so nothing about the value is trusted.
 */
export function checkManifest(manifest: PluginManifest, coreVersion: string): void {
  const value = manifest as Partial<Record<keyof PluginManifest, unknown>>;
  const name = typeof value.name === 'string' && value.name !== '' ? value.name : '(unnamed plugin)';
  if (name === '(unnamed plugin)') throw invalid(name, 'the manifest needs a non-empty `name`');
  if (!SUPPORTED_SPECIFICATIONS.includes(String(value.specificationVersion))) {
    throw new KvmkitError(
      'PLUGIN_UNSUPPORTED_SPECIFICATION',
      `plugin '${name}' implements specification ${String(value.specificationVersion)}, but this core (${coreVersion}) implements ${SUPPORTED_SPECIFICATIONS.join(', ')}`,
      { plugin: name },
    );
  }
  if (typeof value.version !== 'string' || semver.valid(value.version) === null) throw invalid(name, '`version` must be a semver version');
  if (typeof value.core !== 'string' || semver.validRange(value.core) === null) throw invalid(name, '`core` must be a semver range of supported @kvmkit/core versions');
  // Prereleases of core count as their release, so a plugin for ^0.2.0 loads on 0.2.0-next.1.
  if (!semver.satisfies(coreVersion, value.core, { includePrerelease: true })) {
    throw new KvmkitError(
      'PLUGIN_CORE_RANGE_MISMATCH',
      `plugin '${name}' ${value.version} supports @kvmkit/core ${value.core}, but this is @kvmkit/core ${coreVersion}`,
      { plugin: name, supported: value.core, core: coreVersion },
    );
  }
  for (const field of ['configurators', 'rules', 'volumeSources', 'networkBindings', 'dependencies'] as const) {
    if (value[field] !== undefined && !Array.isArray(value[field])) throw invalid(name, `\`${field}\` must be an array`);
  }
  for (const configurator of manifest.configurators ?? []) {
    if (typeof configurator.name !== 'string' || configurator.name === '') throw invalid(name, 'every configurator needs a non-empty `name`');
    if (typeof configurator.configure !== 'function') throw invalid(name, `configurator '${configurator.name}' has no configure function`);
    if (!SUPPORTED_SPECIFICATIONS.includes(configurator.specificationVersion)) {
      throw new KvmkitError(
        'PLUGIN_UNSUPPORTED_SPECIFICATION',
        `configurator '${configurator.name}' of plugin '${name}' implements specification ${configurator.specificationVersion}; this core implements ${SUPPORTED_SPECIFICATIONS.join(', ')}`,
        { plugin: name, configurator: configurator.name },
      );
    }
  }
}
