import { definePlugin, type PluginManifest } from '@kvmkit/core';
import type { BaseConfigurator } from './base-configurator.ts';
import { channelsConfigurator } from './configurators/channels.ts';
import { clockConfigurator } from './configurators/clock.ts';
import { controllersConfigurator } from './configurators/controllers.ts';
import { disksConfigurator } from './configurators/disks.ts';
import { featuresConfigurator } from './configurators/features.ts';
import { graphicsConfigurator } from './configurators/graphics.ts';
import { identityConfigurator } from './configurators/identity.ts';
import { inputsConfigurator } from './configurators/inputs.ts';
import { ioThreadsConfigurator } from './configurators/iothreads.ts';
import { kvmFeaturesConfigurator } from './configurators/kvm-features.ts';
import { memballoonConfigurator } from './configurators/memballoon.ts';
import { memoryConfigurator } from './configurators/memory.ts';
import { osFirmwareConfigurator } from './configurators/os-firmware.ts';
import { qemuCommandlineConfigurator } from './configurators/qemu-commandline.ts';
import { rngConfigurator } from './configurators/rng.ts';
import { serialConsoleConfigurator } from './configurators/serial-console.ts';
import { sysinfoConfigurator } from './configurators/sysinfo.ts';
import { videoConfigurator } from './configurators/video.ts';
import { vsockConfigurator } from './configurators/vsock.ts';
import { watchdogConfigurator } from './configurators/watchdog.ts';
import { basePluginOptionsSchema, type BasePluginOptions } from './options.ts';
import { prepareBase } from './prepare.ts';
import type { BaseVolumeSource } from './volumes/base-volume-source.ts';
import { cloudInitRule } from './volumes/cloud-init-rule.ts';
import { cloudInitConfigDriveSource, cloudInitNoCloudSource } from './volumes/cloud-init-sources.ts';
import { containerDiskSource } from './volumes/container-disk.ts';
import { emptyDiskSource } from './volumes/empty-disk.ts';
import { ephemeralSource } from './volumes/ephemeral.ts';
import { hostDiskSource } from './volumes/host-disk.ts';
import { dataVolumeSource, persistentVolumeClaimSource } from './volumes/persistent-volume-claim.ts';

/** The plugin's name; its configurators are `base:<feature>`. */
export const BASE_PLUGIN_NAME = 'base';
export const BASE_PLUGIN_VERSION = '0.1.0';

/** Every configurator of the base plugin, in registration order. */
export const baseConfigurators: readonly BaseConfigurator[] = [
  identityConfigurator,
  memoryConfigurator,
  osFirmwareConfigurator,
  sysinfoConfigurator,
  featuresConfigurator,
  kvmFeaturesConfigurator,
  clockConfigurator,
  ioThreadsConfigurator,
  controllersConfigurator,
  disksConfigurator,
  serialConsoleConfigurator,
  channelsConfigurator,
  inputsConfigurator,
  graphicsConfigurator,
  videoConfigurator,
  watchdogConfigurator,
  memballoonConfigurator,
  rngConfigurator,
  vsockConfigurator,
  qemuCommandlineConfigurator,
];

/** Every volume source of the base plugin. */
export const baseVolumeSources: readonly BaseVolumeSource[] = [
  hostDiskSource,
  emptyDiskSource,
  containerDiskSource,
  ephemeralSource,
  persistentVolumeClaimSource,
  dataVolumeSource,
  cloudInitNoCloudSource,
  cloudInitConfigDriveSource,
];

/** What to put in a slimmer base plugin: configurators and volume sources, each by name or kind. */
export interface BasePluginSelection {
  configurators?: readonly string[];
  volumeSources?: readonly string[];
}

/**
 * A base plugin manifest with only the chosen configurators (by name, e.g. `base:memory`) and
 * volume sources (by kind, e.g. `emptyDisk`), for slim agents. Unknown names are an error.
 */
export function buildBasePlugin(selection: BasePluginSelection = {}): PluginManifest<BasePluginOptions> {
  const pick = <Item>(all: readonly Item[], wanted: readonly string[] | undefined, keyOf: (item: Item) => string, label: string): Item[] => {
    if (wanted === undefined) return [...all];
    const unknown = wanted.filter((name) => !all.some((item) => keyOf(item) === name));
    if (unknown.length > 0) throw new Error(`unknown base ${label}: ${unknown.join(', ')} (known: ${all.map(keyOf).join(', ')})`);
    return all.filter((item) => wanted.includes(keyOf(item)));
  };
  const configurators = pick(baseConfigurators, selection.configurators, (item) => item.name, 'configurator');
  const volumeSources = pick(baseVolumeSources, selection.volumeSources, (item) => item.kind, 'volume source');
  return definePlugin<BasePluginOptions>({
    specificationVersion: 'v1',
    name: BASE_PLUGIN_NAME,
    version: BASE_PLUGIN_VERSION,
    core: '^0.1.0',
    optionsSchema: basePluginOptionsSchema,
    configurators,
    rules: volumeSources.some((source) => source.kind.startsWith('cloudInit')) ? [cloudInitRule] : [],
    volumeSources,
    prepare: prepareBase,
  });
}

/** The base plugin with every configurator and volume source. */
export const basePlugin: PluginManifest<BasePluginOptions> = buildBasePlugin();

/** The preset: the plugins a standard agent registers for the base features (just `basePlugin`). */
export const basePlugins: readonly PluginManifest[] = [basePlugin];
