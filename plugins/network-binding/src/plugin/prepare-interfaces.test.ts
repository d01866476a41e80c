import { defaultConverterContext, PluginRegistry, type ConfigureContext } from '@kvmkit/core';
import { RecordingHostOperations } from '@kvmkit/core/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withDefaults } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { natNetworkXml, networkBindingOptionsSchema, networkBindingPlugin, prepareInterfaces, type NetworkBindingOptions } from '../index.ts';
import { vmiWithInterfaces } from '../testing/vmi-with-interfaces.ts';

function prepareContext(options: NetworkBindingOptions): ConfigureContext<NetworkBindingOptions> {
  const registry = new PluginRegistry().register(networkBindingPlugin, options);
  return { ...defaultConverterContext(), options, plugin: 'network-binding', volumeSources: registry.volumeSources, networkBindings: registry.networkBindings, warn: () => undefined };
}

describe('prepare', () => {
  it('ensures the masquerade NAT network once, and nothing for bindings without host set-up', async () => {
    const options = networkBindingOptionsSchema.parse({ masquerade: { cidr: '192.168.77.0/24' } });
    const host = new RecordingHostOperations();
    const vmi = withDefaults(vmiWithInterfaces([{ name: 'default', masquerade: {} }, { name: 'out', passt: {} }], [{ name: 'default', pod: {} }, { name: 'out', multus: { networkName: 'x' } }]));
    await prepareInterfaces(vmi, host, prepareContext(options));
    expect(host.calls).toEqual([{ operation: 'ensureNetwork', name: 'kvmkit-nat', networkXml: natNetworkXml(options) }]);
    expect(natNetworkXml(options)).toContain("<ip address='192.168.77.1' netmask='255.255.255.0'>");
    expect(natNetworkXml(options)).toContain("<range start='192.168.77.2' end='192.168.77.254'/>");
  });

  it('sets nothing up for masquerade in user mode (QEMU does the NAT)', async () => {
    const host = new RecordingHostOperations();
    const vmi = withDefaults(vmiWithInterfaces([{ name: 'default', masquerade: {} }], [{ name: 'default', pod: {} }]));
    await prepareInterfaces(vmi, host, prepareContext(networkBindingOptionsSchema.parse({ masquerade: { mode: 'user' } })));
    expect(host.calls).toEqual([]);
  });

  it('writes NAT network XML that libvirt\'s network schema accepts', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kvmkit-nat-'));
    try {
      const file = join(directory, 'network.xml');
      writeFileSync(file, natNetworkXml(networkBindingOptionsSchema.parse({})));
      const { stderr } = await promisify(execFile)('xmllint', ['--noout', '--relaxng', '/usr/share/libvirt/schemas/network.rng', file]);
      expect(stderr).toContain('validates');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
