// The plugin's host steps as the domain manager runs them: prepareVmi (every plugin's prepare,
// then every interface binding's prepare) and releaseVmi, against core's recording host.
import { createConverter, defaultConverterContext, type HostOperations } from '@kvmkit/core';
import { RecordingHostOperations } from '@kvmkit/core/testing';
import { prepareVmi, releaseVmi } from '@kvmkit/domain-manager';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withDefaults, type Interface, type VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { natNetworkXml, networkBindingOptionsSchema, networkBindingPlugin } from '../index.ts';
import { vmiWithInterfaces } from '../testing/vmi-with-interfaces.ts';

function vmiWith(defaultInterface: Interface): VirtualMachineInstance {
  return withDefaults(vmiWithInterfaces([defaultInterface], [{ name: 'default', pod: {} }]));
}

/** prepareVmi of `vmi` on `host`, with the plugin's `options`. */
async function prepareOn(host: HostOperations, vmi: VirtualMachineInstance, options: Record<string, unknown> = {}): Promise<void> {
  const converter = createConverter({ plugins: [networkBindingPlugin], options: { 'network-binding': options } });
  await prepareVmi(vmi, converter, defaultConverterContext(), host);
}

/** The calls prepareVmi makes on a recording host. */
async function prepared(vmi: VirtualMachineInstance, options: Record<string, unknown> = {}): Promise<RecordingHostOperations> {
  const host = new RecordingHostOperations();
  await prepareOn(host, vmi, options);
  return host;
}

function callsOf(host: RecordingHostOperations): unknown[] {
  return host.calls.map((call) => (call.operation === 'ensureNetwork' ? { operation: call.operation, name: call.name } : call));
}

const release = { operation: 'releasePorts', request: { owner: 'lab/guest' } };

describe('prepare (through the domain manager\'s prepareVmi)', () => {
  it('ensures the NAT network and forwards the ports once, with the interface\'s MAC and mapped host ports; release needs only the owner', async () => {
    const options = { masquerade: { hostPorts: { 'lab/guest:22': 2222 } } };
    const vmi = vmiWith({ name: 'default', masquerade: {}, macAddress: '02-AA-BB-CC-DD-EE', ports: [{ name: 'ssh', port: 22 }, { port: 5353, protocol: 'UDP' }] });
    const host = await prepared(vmi, options);
    // Once each: the binding's prepare is the only caller (the plugin's prepare no longer runs bindings).
    expect(callsOf(host)).toEqual([
      { operation: 'ensureNetwork', name: 'kvmkit-nat' },
      { operation: 'forwardPorts', request: { owner: 'lab/guest', network: 'kvmkit-nat', mac: '02:aa:bb:cc:dd:ee', ports: [{ protocol: 'tcp', hostPort: 2222, guestPort: 22 }, { protocol: 'udp', hostPort: 5353, guestPort: 5353 }] } },
    ]);
    const releasing = new RecordingHostOperations();
    await releaseVmi(vmi, createConverter({ plugins: [networkBindingPlugin], options: { 'network-binding': options } }), defaultConverterContext(), releasing);
    expect(releasing.calls).toEqual([release]);
  });

  it('writes the NAT network of the options: the lower half of the subnet is DHCP, the upper half left to fixed addresses', async () => {
    const options = networkBindingOptionsSchema.parse({ masquerade: { cidr: '192.168.77.0/24' } });
    const host = await prepared(vmiWith({ name: 'default', masquerade: {}, ports: [{ port: 8080 }] }), options);
    expect(host.calls[0]).toEqual({ operation: 'ensureNetwork', name: 'kvmkit-nat', networkXml: natNetworkXml(options) });
    expect(natNetworkXml(options)).toContain("<ip address='192.168.77.1' netmask='255.255.255.0'>");
    expect(natNetworkXml(options)).toContain("<range start='192.168.77.2' end='192.168.77.127'/>");
  });

  it('releases the forwards of a VMI whose ports were removed, or that switched to mode user', async () => {
    expect(callsOf(await prepared(vmiWith({ name: 'default', masquerade: {} })))).toEqual([{ operation: 'ensureNetwork', name: 'kvmkit-nat' }, release]);
    expect(callsOf(await prepared(vmiWith({ name: 'default', masquerade: {}, ports: [{ port: 8080 }] }), { masquerade: { mode: 'user' } }))).toEqual([release]);
  });

  it('releases the forwards of a VMI whose interface left masquerade or is being unplugged', async () => {
    expect(callsOf(await prepared(vmiWith({ name: 'default', passt: {}, ports: [{ port: 8080 }] })))).toEqual([release]);
    expect(callsOf(await prepared(vmiWith({ name: 'default', masquerade: {}, ports: [{ port: 8080 }], state: 'absent' })))).toEqual([release]);
  });

  it('names the interface\'s ports when the host refuses the forward, with the host\'s error as cause', async () => {
    const refusal = new Error('forwardPorts.ports: host port 8080/tcp is already forwarded for lab/other');
    const host = new RecordingHostOperations();
    host.forwardPorts = () => Promise.reject(refusal);
    const failure = await prepareOn(host, vmiWith({ name: 'default', masquerade: {}, ports: [{ port: 8080 }] })).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('spec.domain.devices.interfaces[0].ports: forwardPorts.ports: host port 8080/tcp is already forwarded for lab/other');
    expect((failure as Error).cause).toBe(refusal);
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
    await expect(prepareOn(host, vmiWith({ name: 'default', masquerade: {}, ports: [{ port: 8080 }] }))).rejects.toThrow('spec.domain.devices.interfaces[0].ports: these host operations cannot forward ports');
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
