/**
 * @kvmkit/plugin-virtio-mem — memory hotplug: `spec.domain.memory.maxGuest` to `<maxMemory>`
 * and a virtio-mem device, and `virtioMemResize` for the domain manager's live resize.
 */
export { virtioMemPlugin } from './plugin.ts';
export { hotplugConfigurator } from './hotplug-configurator.ts';
export { HOTPLUG_CONFIGURATOR, validateHotplug } from './hotplug-rules.ts';
export { hotplugPlan, DEFAULT_BLOCK_BYTES, type HotplugPlan } from './hotplug-plan.ts';
export { virtioMemOptionsSchema, type VirtioMemOptions } from './options.ts';
export { virtioMemResize, VirtioMemResizeError, type VirtioMemResize } from './virtio-mem-resize.ts';
