/**
 * @kvmkit/plugin-base — the base configurators that turn a KubeVirt VMI into a bootable libvirt
 * domain (identity, memory, firmware and boot, clock, features, disks and volume sources,
 * consoles, controllers and small devices). Each configurator is exported on its own so a slim
 * agent can pick; `basePlugins` is the preset, `buildBasePlugin` builds a subset.
 */
export { basePlugin, basePlugins, buildBasePlugin, baseConfigurators, baseVolumeSources, BASE_PLUGIN_NAME, BASE_PLUGIN_VERSION, type BasePluginSelection } from './plugin.ts';
export { basePluginOptionsSchema, type BasePluginOptions } from './options.ts';
export type { BaseConfigurator, BaseContext } from './base-configurator.ts';
export { prepareBase } from './prepare.ts';

export { identityConfigurator, domainNameOf, specHashOf, canonicalJson } from './configurators/identity.ts';
export { memoryConfigurator, guestMemoryBytes } from './configurators/memory.ts';
export { osFirmwareConfigurator, validateFirmware, wantsSecureBoot } from './configurators/os-firmware.ts';
export { sysinfoConfigurator } from './configurators/sysinfo.ts';
export { featuresConfigurator } from './configurators/features.ts';
export { kvmFeaturesConfigurator } from './configurators/kvm-features.ts';
export { clockConfigurator } from './configurators/clock.ts';
export { ioThreadsConfigurator } from './configurators/iothreads.ts';
export { planIoThreads, type IoThreadPlan } from './configurators/io-threads-plan.ts';
export { controllersConfigurator, needsUsbController } from './configurators/controllers.ts';
export { disksConfigurator, validateDisks } from './configurators/disks.ts';
export { serialConsoleConfigurator } from './configurators/serial-console.ts';
export { channelsConfigurator, GUEST_AGENT_CHANNEL } from './configurators/channels.ts';
export { inputsConfigurator } from './configurators/inputs.ts';
export { graphicsConfigurator } from './configurators/graphics.ts';
export { videoConfigurator } from './configurators/video.ts';
export { watchdogConfigurator } from './configurators/watchdog.ts';
export { memballoonConfigurator, FREE_PAGE_REPORTING_DISABLED_ANNOTATION } from './configurators/memballoon.ts';
export { rngConfigurator } from './configurators/rng.ts';
export { vsockConfigurator } from './configurators/vsock.ts';
export { qemuCommandlineConfigurator, escapeQemuOptionValue, IGNITION_ANNOTATION, FIRMWARE_DEBUG_LOG_ANNOTATION } from './configurators/qemu-commandline.ts';

export { hostDiskSource } from './volumes/host-disk.ts';
export { emptyDiskSource } from './volumes/empty-disk.ts';
export { containerDiskSource, containerDiskBase, DEFAULT_CONTAINER_DISK_PATH } from './volumes/container-disk.ts';
export { ephemeralSource } from './volumes/ephemeral.ts';
export { persistentVolumeClaimSource, dataVolumeSource } from './volumes/persistent-volume-claim.ts';
export { cloudInitNoCloudSource, cloudInitConfigDriveSource } from './volumes/cloud-init-sources.ts';
export { cloudInitRule } from './volumes/cloud-init-rule.ts';
export { cloudInitIsoImage, cloudInitInstanceId } from './volumes/cloud-init-iso.ts';
export { readImageHeader, type ImageHeader } from './volumes/qcow2-header.ts';
export { statePaths } from './paths/state-paths.ts';
export { parseImageReference, resolveImageDirectory, imageDirectoryName, type ImageReference } from './images/image-resolver.ts';
export { buildIso } from './iso9660/build-iso.ts';
