import { defaultConverterContext, PluginContexts, PluginRegistry, type ConfigureContext, type HostOperations } from '@kvmkit/core';
import { RecordingHostOperations } from '@kvmkit/core/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { natNetworkXml, networkBindingOptionsSchema, networkBindingPlugin, prepareInterfaces, releaseInterfaces, type NetworkBindingOptions } from '../index.ts';
import { vmiWithInterfaces } from '../testing/vmi-with-interfaces.ts';

/** The plugin's context as the domain manager's prepareVmi builds it: bindings bound to their provider. */
function prepareContext(options: NetworkBindingOptions, vmi: VirtualMachineInstance): ConfigureContext<NetworkBindingOptions> {
  const registry = new PluginRegistry().register(networkBindingPlugin, options);
  return new PluginContexts(registry, defaultConverterContext(), vmi, []).of('network-binding') as ConfigureContext<NetworkBindingOptions>;
}

describe('prepare', () => {
  it('ensures the masquerade NAT network once, and nothing for bindings without host set-up', async () => {
    const options = networkBindingOptionsSchema.parse({ masquerade: { cidr: '192.168.77.0/24' } });
    const host = new RecordingHostOperations();
    const vmi = withDefaults(vmiWithInterfaces([{ name: 'default', masquerade: {} }, { name: 'out', passt: {} }], [{ name: 'default', pod: {} }, { name: 'out', multus: { networkName: 'x' } }]));
    await prepareInterfaces(vmi, host, prepareContext(options, vmi));
    expect(host.calls).toEqual([{ operation: 'ensureNetwork', name: 'kvmkit-nat', networkXml: natNetworkXml(options) }]);
    expect(natNetworkXml(options)).toContain("<ip address='192.168.77.1' netmask='255.255.255.0'>");
    // The upper half of the subnet is left to fixed addresses (guests with port forwards).
    expect(natNetworkXml(options)).toContain("<range start='192.168.77.2' end='192.168.77.127'/>");
  });

  it('forwards masquerade ports after the network exists, with the interface\'s MAC and mapped host ports', async () => {
    const options = networkBindingOptionsSchema.parse({ masquerade: { hostPorts: { 'lab/guest:22': 2222 } } });
    const host = new RecordingHostOperations();
    const vmi = withDefaults(vmiWithInterfaces([{ name: 'default', masquerade: {}, macAddress: '02-AA-BB-CC-DD-EE', ports: [{ name: 'ssh', port: 22 }, { port: 53, protocol: 'UDP' }] }], [{ name: 'default', pod: {} }]));
    await prepareInterfaces(vmi, host, prepareContext(options, vmi));
    expect(host.calls.map((call) => call.operation)).toEqual(['ensureNetwork', 'forwardPorts']);
    expect(host.calls[1]).toEqual({
      operation: 'forwardPorts',
      request: { owner: 'lab/guest', network: 'kvmkit-nat', mac: '02:aa:bb:cc:dd:ee', ports: [{ protocol: 'tcp', hostPort: 2222, guestPort: 22 }, { protocol: 'udp', hostPort: 53, guestPort: 53 }] },
    });
    await releaseInterfaces(vmi, host, prepareContext(options, vmi));
    expect(host.calls[2]).toEqual({ operation: 'releasePorts', request: { owner: 'lab/guest', network: 'kvmkit-nat', mac: '02:aa:bb:cc:dd:ee' } });
  });

  it('says which interface needs port forwards when the host operations cannot forward', async () => {
    // A host that predates forwardPorts (the method is optional in core's contract).
    const recording = new RecordingHostOperations();
    const host: HostOperations = {
      exists: (path) => recording.exists(path),
      makeDirectory: (path) => recording.makeDirectory(path),
      writeFile: (path, content) => recording.writeFile(path, content),
      removeFile: (path) => recording.removeFile(path),
      createDiskImage: (request) => recording.createDiskImage(request),
      ensureNetwork: (name, xml) => recording.ensureNetwork(name, xml),
    };
    const vmi = withDefaults(vmiWithInterfaces([{ name: 'default', masquerade: {}, ports: [{ port: 80 }] }], [{ name: 'default', pod: {} }]));
    await expect(prepareInterfaces(vmi, host, prepareContext(networkBindingOptionsSchema.parse({}), vmi))).rejects.toThrow('spec.domain.devices.interfaces[0].ports: these host operations cannot forward ports');
  });

  it('sets nothing up for masquerade in user mode (QEMU does the NAT)', async () => {
    const host = new RecordingHostOperations();
    const vmi = withDefaults(vmiWithInterfaces([{ name: 'default', masquerade: {} }], [{ name: 'default', pod: {} }]));
    await prepareInterfaces(vmi, host, prepareContext(networkBindingOptionsSchema.parse({ masquerade: { mode: 'user' } }), vmi));
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
