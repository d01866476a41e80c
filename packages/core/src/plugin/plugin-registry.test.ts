import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KvmkitError } from '../errors/kvmkit-error.ts';
import { PluginRegistry } from './plugin-registry.ts';
import type { PluginManifest } from './v1/plugin-manifest.ts';

function plugin(name: string, overrides: Partial<PluginManifest> = {}): PluginManifest {
  return { specificationVersion: 'v1', name, version: '1.2.3', core: '^1.0.0', ...overrides };
}

function registrationError(register: () => unknown): KvmkitError {
  try {
    register();
  } catch (error) {
    if (KvmkitError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected registration to fail');
}

describe('PluginRegistry', () => {
  it('refuses a plugin whose core range excludes this core, naming both versions', () => {
    const registry = new PluginRegistry('2.1.0');
    const error = registrationError(() => registry.register(plugin('hugepages', { core: '^1.4.0' })));
    expect(error.code).toBe('PLUGIN_CORE_RANGE_MISMATCH');
    expect(error.message).toBe("plugin 'hugepages' 1.2.3 supports @kvmkit/core ^1.4.0, but this is @kvmkit/core 2.1.0");
    expect(registry.plugins).toEqual([]);
  });

  it('accepts a prerelease core inside the range', () => {
    expect(() => new PluginRegistry('1.5.0-next.2').register(plugin('a', { core: '^1.4.0' }))).not.toThrow();
  });

  it('refuses duplicates, missing dependencies and malformed manifests', () => {
    const registry = new PluginRegistry('1.0.0').register(plugin('base'));
    expect(registrationError(() => registry.register(plugin('base'))).code).toBe('PLUGIN_DUPLICATE_NAME');
    const missing = registrationError(() => registry.register(plugin('hugepages', { dependencies: ['cpu-topology'] })));
    expect(missing.code).toBe('PLUGIN_DEPENDENCY_MISSING');
    expect(missing.message).toBe("plugin 'hugepages' requires plugin 'cpu-topology', which is not registered before it");
    expect(registrationError(() => registry.register(plugin('bad-version', { version: 'one' }))).code).toBe('PLUGIN_INVALID_MANIFEST');
    expect(registrationError(() => registry.register(plugin('bad-range', { core: 'whenever' }))).code).toBe('PLUGIN_INVALID_MANIFEST');
    const noConfigure = { specificationVersion: 'v1', name: 'x' } as unknown as NonNullable<PluginManifest['configurators']>[number];
    expect(registrationError(() => registry.register(plugin('broken', { configurators: [noConfigure] }))).message).toContain("configurator 'x' has no configure function");
    const future = { ...plugin('future'), specificationVersion: 'v9' } as unknown as PluginManifest;
    expect(registrationError(() => registry.register(future)).code).toBe('PLUGIN_UNSUPPORTED_SPECIFICATION');
  });

  it('validates options with the plugin schema, applying its defaults', () => {
    const optionsSchema = z.object({ pageSize: z.enum(['2Mi', '1Gi']).default('2Mi'), nodes: z.array(z.number().int()).default([]) });
    const registry = new PluginRegistry('1.0.0').register(plugin('hugepages', { optionsSchema }));
    expect(registry.optionsOf('hugepages')).toEqual({ pageSize: '2Mi', nodes: [] });
    const error = registrationError(() => new PluginRegistry('1.0.0').register(plugin('hugepages', { optionsSchema }), { pageSize: '4Ki', nodes: [1, 'x'] }));
    expect(error.code).toBe('PLUGIN_OPTIONS_INVALID');
    expect(error.message).toMatch(/^plugin 'hugepages': invalid options: pageSize: .*; nodes\[1\]: /);
  });

  it('collects extensions and refuses two providers of one', () => {
    const source = { kind: 'emptyDisk', resolve: () => ({ type: 'file' as const, path: '/x', format: 'qcow2' as const }) };
    const registry = new PluginRegistry('1.0.0').register(plugin('base', { volumeSources: [source] }));
    expect(registry.volumeSources.get('emptyDisk')).toBe(source);
    const error = registrationError(() => registry.register(plugin('acme', { volumeSources: [source] })));
    expect(error.code).toBe('EXTENSION_DUPLICATE');
    expect(error.message).toBe("volume source 'emptyDisk' from plugin 'acme' is already provided by plugin 'base'");
    expect(registry.get('acme')).toBeUndefined();
    const unknown = registrationError(() => registry.volumeSources.require('dataVolume', 'spec.volumes[0]'));
    expect(unknown.message).toBe("spec.volumes[0]: no registered plugin provides volume source 'dataVolume' (registered: emptyDisk)");
  });
});
