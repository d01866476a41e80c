import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { withDefaults, type Interface, type Network, type VmiProblem } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { networkBindingPlugin } from '../index.ts';
import { vmiWithInterfaces } from '../testing/vmi-with-interfaces.ts';

const pod: Network = { name: 'default', pod: {} };
const multus = (name: string, networkName: string): Network => ({ name, multus: { networkName } });

/** This plugin's problems (core's own rules are tested in @kvmkit/vmi). */
function problems(interfaces: Interface[], networks: Network[], options: Record<string, unknown> = {}): VmiProblem[] {
  const converter = createConverter({ plugins: [networkBindingPlugin], options: { 'network-binding': options } });
  return converter.validate(withDefaults(vmiWithInterfaces(interfaces, networks)), defaultConverterContext()).filter((problem) => problem.rule === 'network-binding:interfaces');
}

function only(path: string, severity: 'error' | 'warning'): unknown[] {
  return [expect.objectContaining({ path, severity }) as unknown];
}

describe('interface admission rules', () => {
  it('accepts every built-in binding when its host side is configured', () => {
    const options = { hostNetworks: { pod: { bridge: 'br0' }, vfs: { sriovFunctions: ['0000:3b:02.0'] }, nic: { macvtap: { device: 'eth0' } } } };
    expect(problems([{ name: 'default', bridge: {} }, { name: 'vf', sriov: {} }, { name: 'tap', macvtap: {} }], [pod, multus('vf', 'vfs'), multus('tap', 'nic')], options)).toEqual([]);
    expect(problems([{ name: 'default', passt: {}, ports: [{ port: 22 }] }], [pod])).toEqual([]);
  });

  it('refuses a binding no registered plugin provides, naming the registered ones', () => {
    const found = problems([{ name: 'default', binding: { name: 'vdpa' } }], [pod]);
    expect(found).toEqual(only('spec.domain.devices.interfaces[0].binding.name', 'error'));
    expect(found[0]?.reason).toContain("no registered plugin provides network binding 'vdpa' (registered: bridge, masquerade, passt, sriov, macvtap)");
  });

  it('refuses slirp, which KubeVirt removed', () => {
    expect(problems([{ name: 'default', slirp: {} }], [pod])).toEqual(only('spec.domain.devices.interfaces[0].slirp', 'error'));
  });

  it('refuses a bridge on the pod network without a configured host bridge', () => {
    expect(problems([{ name: 'default', bridge: {} }], [pod])).toEqual(only('spec.domain.devices.interfaces[0].bridge', 'error'));
  });

  it('refuses a bridge name longer than Linux allows', () => {
    expect(problems([{ name: 'lan', bridge: {} }], [multus('lan', 'lab/a-very-long-bridge-name')])).toEqual(only('spec.domain.devices.interfaces[0].bridge', 'error'));
  });

  it('refuses ports on bindings that forward none', () => {
    const ports = [{ port: 80 }];
    expect(problems([{ name: 'lan', bridge: {}, ports }], [multus('lan', 'br0')])).toEqual(only('spec.domain.devices.interfaces[0].ports', 'error'));
    expect(problems([{ name: 'tap', macvtap: {}, ports }], [multus('tap', 'nic')], { hostNetworks: { nic: { macvtap: { device: 'eth0' } } } }))
      .toEqual(only('spec.domain.devices.interfaces[0].ports', 'error'));
    expect(problems([{ name: 'vf', sriov: {}, ports }], [multus('vf', 'vfs')], { hostNetworks: { vfs: { sriovFunctions: ['0000:3b:02.0'] } } }))
      .toEqual(only('spec.domain.devices.interfaces[0].ports', 'error'));
  });

  it('accepts masquerade ports on the NAT network (they are forwarded) and warns in user mode', () => {
    const ports = [{ port: 8080 }, { port: 8080, protocol: 'UDP' }];
    expect(problems([{ name: 'default', masquerade: {}, ports }], [pod])).toEqual([]);
    const found = problems([{ name: 'default', masquerade: {}, ports }], [pod], { masquerade: { mode: 'user' } });
    expect(found).toEqual(only('spec.domain.devices.interfaces[0].ports', 'warning'));
    expect(found[0]?.reason).toContain('forwards no ports');
  });

  it('refuses masquerade ports that take the same host port and protocol', () => {
    expect(problems([{ name: 'default', masquerade: {}, ports: [{ port: 8080 }, { port: 8080, protocol: 'TCP' }] }], [pod]))
      .toEqual(only('spec.domain.devices.interfaces[0].ports[1]', 'error'));
    // lab/guest:9090 is mapped onto host port 8080, where port 8080 already is.
    const mapped = problems([{ name: 'default', masquerade: {}, ports: [{ port: 8080 }, { port: 9090 }] }], [pod], { masquerade: { hostPorts: { 'lab/guest:9090': 8080 } } });
    expect(mapped).toEqual(only('spec.domain.devices.interfaces[0].ports[1]', 'error'));
    expect(mapped[0]?.reason).toBe('host port 8080/tcp is already forwarded for spec.domain.devices.interfaces[0].ports[0]');
  });

  it("warns that masquerade ports below 1024 are not forwarded unless mapped (they would take the host's own ssh, https, …)", () => {
    const ports = [{ port: 22 }, { port: 443, protocol: 'UDP' }, { port: 8080 }];
    const found = problems([{ name: 'default', masquerade: {}, ports }], [pod]);
    expect(found).toEqual([
      expect.objectContaining({ path: 'spec.domain.devices.interfaces[0].ports[0].port', severity: 'warning' }),
      expect.objectContaining({ path: 'spec.domain.devices.interfaces[0].ports[1].port', severity: 'warning' }),
    ]);
    expect(found[0]?.reason).toBe('port 22 is not forwarded from the host: a host port below 1024 would take the host\'s own service on every host address; map it with plugin option masquerade.hostPorts["lab/guest:22"] (e.g. 8022)');
    // Two unforwarded ports on one number do not clash: neither takes a host port.
    expect(problems([{ name: 'default', masquerade: {}, ports: [{ port: 80 }, { port: 80 }] }], [pod]).every((problem) => problem.severity === 'warning')).toBe(true);
    // Mapped: 22 onto 2222, and 443 onto 443 on purpose (an explicit choice is the operator's).
    expect(problems([{ name: 'default', masquerade: {}, ports }], [pod], { masquerade: { hostPorts: { 'lab/guest:22': 2222, 'lab/guest:443': 443 } } })).toEqual([]);
    // QEMU's user-mode NAT forwards nothing from the host: only its warning.
    expect(problems([{ name: 'default', masquerade: {}, ports }], [pod], { masquerade: { mode: 'user' } })).toEqual(only('spec.domain.devices.interfaces[0].ports', 'warning'));
  });

  it('warns that a per-VMI masquerade CIDR is not acted on', () => {
    expect(problems([{ name: 'default', masquerade: {} }], [{ name: 'default', pod: { vmNetworkCIDR: '10.11.0.0/24' } }])).toEqual(only('spec.networks[0].pod.vmNetworkCIDR', 'warning'));
  });

  it('refuses a passt port forwarded twice', () => {
    expect(problems([{ name: 'default', passt: {}, ports: [{ port: 22 }, { port: 22, protocol: 'TCP' }, { port: 22, protocol: 'UDP' }] }], [pod]))
      .toEqual(only('spec.domain.devices.interfaces[0].ports[1]', 'error'));
  });

  it('refuses SR-IOV without a pool, on the pod network, beyond its pool, and with the link down', () => {
    expect(problems([{ name: 'vf', sriov: {} }], [multus('vf', 'vfs')])).toEqual(only('spec.domain.devices.interfaces[0].sriov', 'error'));
    expect(problems([{ name: 'default', sriov: {} }], [pod])).toEqual(only('spec.domain.devices.interfaces[0].sriov', 'error'));
    const pool = { hostNetworks: { vfs: { sriovFunctions: ['0000:3b:02.0'] } } };
    expect(problems([{ name: 'a', sriov: {} }, { name: 'b', sriov: {} }], [multus('a', 'vfs'), multus('b', 'vfs')], pool)).toEqual(only('spec.domain.devices.interfaces[1].sriov', 'error'));
    expect(problems([{ name: 'vf', sriov: {}, state: 'down' }], [multus('vf', 'vfs')], pool)).toEqual(only('spec.domain.devices.interfaces[0].state', 'error'));
  });

  it('warns that an MTU on an SR-IOV network is not acted on', () => {
    expect(problems([{ name: 'vf', sriov: {} }], [multus('vf', 'vfs')], { hostNetworks: { vfs: { sriovFunctions: ['0000:3b:02.0'], mtu: 9000 } } }))
      .toEqual(only('spec.domain.devices.interfaces[0].sriov', 'warning'));
  });

  it('refuses macvtap without a host device or on the pod network', () => {
    expect(problems([{ name: 'tap', macvtap: {} }], [multus('tap', 'nic')])).toEqual(only('spec.domain.devices.interfaces[0].macvtap', 'error'));
    expect(problems([{ name: 'default', macvtap: {} }], [pod])).toEqual(only('spec.domain.devices.interfaces[0].macvtap', 'error'));
  });

  it('warns that DHCP options are not acted on', () => {
    expect(problems([{ name: 'default', masquerade: {}, dhcpOptions: { bootFileName: 'pxelinux.0' } }], [pod])).toEqual(only('spec.domain.devices.interfaces[0].dhcpOptions', 'warning'));
  });

  it('refuses one MAC twice on the same host network', () => {
    const found = problems(
      [{ name: 'a', bridge: {}, macAddress: '02:00:00:00:00:01' }, { name: 'b', bridge: {}, macAddress: '02-00-00-00-00-01' }, { name: 'c', bridge: {}, macAddress: '02:00:00:00:00:01' }],
      [multus('a', 'br0'), multus('b', 'br0'), multus('c', 'br1')],
    );
    expect(found).toEqual(only('spec.domain.devices.interfaces[1].macAddress', 'error'));
    expect(found[0]?.reason).toContain('spec.domain.devices.interfaces[0]');
  });
});

describe('plugin options', () => {
  it('refuses a MAC prefix that is not locally administered unicast', () => {
    expect(() => createConverter({ plugins: [networkBindingPlugin], options: { 'network-binding': { macPrefix: '01:00:5e' } } })).toThrow(/macPrefix/);
    expect(() => createConverter({ plugins: [networkBindingPlugin], options: { 'network-binding': { macPrefix: '00:16:3e' } } })).toThrow(/locally administered/);
  });

  it('refuses a malformed SR-IOV function address', () => {
    expect(() => createConverter({ plugins: [networkBindingPlugin], options: { 'network-binding': { hostNetworks: { vfs: { sriovFunctions: ['3b:02.0'] } } } } })).toThrow(/sriovFunctions/);
  });
});
