/**
 * @kvmkit/plugin-hyperv — Hyper-V enlightenments for Windows guests: every one KubeVirt
 * supports or passthrough mode, their dependency rules, and the Hyper-V clock.
 */
export { hypervPlugin } from './plugin.ts';
export { enlightenmentsConfigurator, ENLIGHTENMENTS_CONFIGURATOR, MINIMUM_SPINLOCK_RETRIES } from './enlightenments-configurator.ts';
export { clockConfigurator, CLOCK_CONFIGURATOR } from './clock-configurator.ts';
export { hypervOptionsSchema, type HypervOptions } from './options.ts';
export { REQUIREMENTS, resolveDependencies, type ResolvedDependencies } from './dependencies.ts';
export { ENLIGHTENMENTS, type Enlightenment, type Requirement } from './enlightenment-states.ts';
export { PLUGIN_VERSION } from './version.ts';
