/**
 * @kvmkit/core — the contracts every kvmkit package and third-party plugin builds on: the
 * Configurator plugin contract, plugin manifests, the conversion pipeline and the DomainManager
 * contract. Core holds contracts and the pipeline, never a feature.
 */
export type { Configurator, ConfiguratorPhase, ConfigureContext } from './configurator/v1/configurator.ts';
export {
  defaultConverterContext,
  type Architecture,
  type ConverterContext,
  type ConverterDirectories,
  type FirmwareImage,
  type HostCapabilities,
  type SmbiosDefaults,
  type VirtType,
} from './context/converter-context.ts';
export { definePlugin, type PluginManifest } from './plugin/v1/plugin-manifest.ts';
export { PluginRegistry, type PluginRegistration } from './plugin/plugin-registry.ts';
export { checkManifest } from './plugin/check-manifest.ts';
export { Converter, vmiIdentity } from './pipeline/converter.ts';
export { createConverter, type CreateConverterOptions } from './pipeline/create-converter.ts';
export type { ConversionResult } from './pipeline/conversion-result.ts';
export { orderConfigurators, type RegisteredConfigurator } from './pipeline/order-configurators.ts';
export { ExtensionRegistry, type ExtensionLookup } from './extensions/extension-registry.ts';
export type { ExtensionContext } from './extensions/extension-context.ts';
export type { BoundVolumeSource, ResolvedVolume, VolumeSource } from './extensions/volume-source.ts';
export type { BoundNetworkBinding, NetworkBinding } from './extensions/network-binding.ts';
export { PluginContexts } from './plugin/plugin-contexts.ts';
export type { DiskImageRequest, ForwardedPort, HostOperations, PortForwardRequest, PortForwardResult, PortReleaseRequest } from './host/host-operations.ts';
export type { DomainManager } from './domain-manager/v1/domain-manager.ts';
export type * from './domain-manager/v1/domain-manager-types.ts';
export type { InferSchemaOutput, StandardSchemaIssue, StandardSchemaV1 } from './schema/standard-schema.ts';
export { KvmkitError, type KvmkitErrorDetails } from './errors/kvmkit-error.ts';
export { VmiInvalidError } from './errors/vmi-invalid-error.ts';
export { CORE_ERROR_CODES, type CoreErrorCode } from './errors/error-codes.ts';
export {
  CONTEXT_PROVIDER_TOKEN,
  CONVERTER_TOKEN,
  DOMAIN_MANAGER_TOKEN,
  HOST_OPERATIONS_TOKEN,
  LIBVIRT_CONNECTION_TOKEN,
  PLUGIN_REGISTRY_TOKEN,
} from './tokens.ts';
export { CORE_VERSION } from './version.ts';
