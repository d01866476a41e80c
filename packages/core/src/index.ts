/**
 * @kvmkit/core — the contracts every kvmkit package and third-party plugin builds on:
 * the Configurator plugin contract, plugin manifests, the conversion pipeline and the
 * DomainManager contract. Core holds contracts and the pipeline, never a feature.
 *
 * The contracts land with the core/vmi issue; this entry point is the package's public seam.
 */
export {};
