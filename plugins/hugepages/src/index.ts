/**
 * @kvmkit/plugin-hugepages — guest memory on huge pages: `spec.domain.memory.hugepages` to
 * libvirt's `<memoryBacking>`, with a memfd source and shared access where virtiofs and
 * vhost-user need them.
 */
export { hugepagesPlugin } from './plugin.ts';
export { memoryBackingConfigurator } from './memory-backing-configurator.ts';
export { MEMORY_BACKING_CONFIGURATOR, validateMemoryBacking } from './memory-backing-rules.ts';
export { hugepagesOptionsSchema, type HugepagesOptions } from './options.ts';
export { MEMFD_ANNOTATION, usesMemfd } from './memfd.ts';
export { sharedMemoryUsers } from './shared-memory-users.ts';
