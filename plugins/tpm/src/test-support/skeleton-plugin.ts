import { definePlugin, type PluginManifest } from '@kvmkit/core';

/**
 * The least a domain needs to pass libvirt's schema (memory, `<os><type>hvm`), standing in for
 * @kvmkit/plugin-base in golden tests so that expected.xml shows this plugin's output and
 * little else. Not @kvmkit/core/testing's baseMemoryStandInPlugin: the UUID (the TPM state
 * directory is named by it) and this memory are what the reviewed expected.xml files hold.
 * Test-only: not built into dist.
 */
export const skeletonPlugin: PluginManifest = definePlugin<unknown>({
  specificationVersion: 'v1',
  name: 'test:skeleton',
  version: '0.0.0',
  core: '^0.1.0',
  configurators: [{
    specificationVersion: 'v1',
    name: 'test:skeleton',
    phase: 'pre',
    configure(vmi, domain, { architecture }) {
      const uuid = vmi.spec.domain.firmware?.uuid;
      if (uuid !== undefined) domain.uuid = uuid;
      domain.memory = { value: 64, unit: 'MiB' };
      domain.os = { type: { value: 'hvm', arch: architecture } };
    },
  }],
});
