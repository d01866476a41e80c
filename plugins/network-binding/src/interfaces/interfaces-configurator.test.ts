import { createConverter, defaultConverterContext, definePlugin, type PluginManifest } from '@kvmkit/core';
import { withDefaults, type Interface, type Network } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { networkBindingPlugin } from '../index.ts';
import { vmiWithInterfaces } from '../testing/vmi-with-interfaces.ts';

const pod: Network = { name: 'default', pod: {} };

function interfacesOf(interfaces: Interface[], networks: Network[], extra: { multiqueue?: boolean; sockets?: number } = {}, plugins: PluginManifest[] = []) {
  const converter = createConverter({ plugins: [networkBindingPlugin, ...plugins] });
  return converter.convert(withDefaults(vmiWithInterfaces(interfaces, networks, extra)), defaultConverterContext()).domain.devices?.interfaces ?? [];
}

describe('interfaces configurator', () => {
  it('derives a stable, locally administered unicast MAC per interface', () => {
    const first = interfacesOf([{ name: 'default', passt: {} }], [pod]);
    const again = interfacesOf([{ name: 'default', passt: {} }], [pod]);
    const other = interfacesOf([{ name: 'other', passt: {} }], [{ name: 'other', pod: {} }]);
    const mac = first[0]?.mac?.address ?? '';
    expect(mac).toMatch(/^02:6b:76:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/);
    expect(again[0]?.mac?.address).toBe(mac);
    expect(other[0]?.mac?.address).not.toBe(mac);
  });

  it('gives virtio NICs one queue per vCPU with multiqueue, capped at maxQueues', () => {
    expect(interfacesOf([{ name: 'default', passt: {} }], [pod], { multiqueue: true, sockets: 3 })[0]?.driver).toEqual({ queues: 3 });
    expect(interfacesOf([{ name: 'default', passt: {} }], [pod], { multiqueue: false, sockets: 3 })[0]?.driver).toBeUndefined();
    expect(interfacesOf([{ name: 'default', passt: {}, model: 'e1000e' }], [pod], { multiqueue: true, sockets: 3 })[0]?.driver).toBeUndefined();
    const capped = createConverter({ plugins: [networkBindingPlugin], options: { 'network-binding': { maxQueues: 2 } } })
      .convert(withDefaults(vmiWithInterfaces([{ name: 'default', passt: {} }], [pod], { multiqueue: true, sockets: 8 })), defaultConverterContext());
    expect(capped.domain.devices?.interfaces?.[0]?.driver).toEqual({ queues: 2 });
  });

  it('gives an interface being unplugged (state: absent) no device', () => {
    const interfaces = interfacesOf([{ name: 'default', passt: {} }, { name: 'gone', passt: {}, state: 'absent' }], [pod, { name: 'gone', multus: { networkName: 'x' } }]);
    expect(interfaces.map((domainInterface) => domainInterface.alias?.name)).toEqual(['ua-default']);
  });

  it('hands `binding: { name }` interfaces to a binding another plugin registers, with its own options and the whole VMI', () => {
    const vhostUser: PluginManifest = definePlugin<{ socketDirectory: string }>({
      specificationVersion: 'v1',
      name: 'acme:vhost-user',
      version: '1.0.0',
      core: '^0.1.0',
      networkBindings: [{
        name: 'vhost-user',
        configureInterface(vmiInterface, _network, domainInterface, { options, plugin, vmi }) {
          domainInterface.type = 'vhostuser';
          domainInterface.source = { type: 'unix', path: `${options.socketDirectory}/${plugin}/${vmi.metadata?.name ?? ''}-${vmiInterface.name}.sock`, mode: 'server' };
        },
      }],
    });
    const converter = createConverter({ plugins: [networkBindingPlugin, vhostUser], options: { 'acme:vhost-user': { socketDirectory: '/run/vhost' } } });
    const vmi = withDefaults(vmiWithInterfaces([{ name: 'fast', binding: { name: 'vhost-user' } }], [{ name: 'fast', multus: { networkName: 'dpdk' } }]));
    const [domainInterface] = converter.convert(vmi, defaultConverterContext()).domain.devices?.interfaces ?? [];
    expect(domainInterface).toMatchObject({ type: 'vhostuser', source: { type: 'unix', path: '/run/vhost/acme:vhost-user/guest-fast.sock', mode: 'server' }, alias: { name: 'ua-fast' } });
  });

  it('reports a binding that sets no interface type, naming the interface', () => {
    const lazy: PluginManifest = definePlugin({
      specificationVersion: 'v1', name: 'acme:lazy', version: '1.0.0', core: '^0.1.0',
      networkBindings: [{ name: 'lazy', configureInterface() { /* sets nothing, on purpose */ } }],
    });
    expect(() => interfacesOf([{ name: 'default', binding: { name: 'lazy' } }], [pod], {}, [lazy]))
      .toThrow("spec.domain.devices.interfaces[0]: network binding 'lazy' set no interface type");
  });
});
