import { validateDomainXml } from '@kvmkit/testing';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultConverterContext } from '../context/converter-context.ts';
import type { ExtensionContext } from '../extensions/extension-context.ts';
import { definePlugin } from '../plugin/v1/plugin-manifest.ts';
import { CORE_VERSION } from '../version.ts';
import { createConverter } from './create-converter.ts';

// Plugin A provides a network binding and a volume source; plugin B's configurator uses them.
// Each extension must run with A's options and name, the VMI, and warnings attributed to A.

const core = `>=${CORE_VERSION}`;

interface Seen {
  extension: string;
  plugin: string;
  options: unknown;
  vmi: string | undefined;
}

function record(seen: Seen[], extension: string, context: ExtensionContext): void {
  seen.push({ extension, plugin: context.plugin, options: context.options, vmi: context.vmi.metadata?.name });
}

function providerPlugin(seen: Seen[]) {
  return definePlugin({
    specificationVersion: 'v1',
    name: 'A',
    version: '1.0.0',
    core,
    optionsSchema: z.object({ socketDirectory: z.string().default('/run/a'), imageDirectory: z.string().default('/images/a') }),
    networkBindings: [{
      name: 'a-vhost',
      configureInterface(vmiInterface, _network, domainInterface, context) {
        record(seen, 'a-vhost', context);
        context.warn(`interface ${vmiInterface.name}`, 'vhost-user needs hugepages on the host');
        domainInterface.type = 'vhostuser';
        domainInterface.source = { type: 'unix', path: `${context.options.socketDirectory}/${context.vmi.metadata?.name ?? ''}-${vmiInterface.name}.sock`, mode: 'server' };
        domainInterface.model = { type: 'virtio' };
      },
    }],
    volumeSources: [{
      kind: 'emptyDisk',
      resolve(volume, context) {
        record(seen, 'emptyDisk', context);
        context.warn(`volume ${volume.name}`, 'scratch data is lost on restart');
        return { type: 'file', path: `${context.options.imageDirectory}/${context.vmi.metadata?.name ?? ''}-${volume.name}.qcow2`, format: 'qcow2' };
      },
    }],
  });
}

/** B consumes the extensions; it passes its OWN context, as callers written for the first v1 do. */
const consumerPlugin = definePlugin({
  specificationVersion: 'v1',
  name: 'B',
  version: '1.0.0',
  core,
  optionsSchema: z.object({ label: z.string().default('from B') }),
  configurators: [{
    specificationVersion: 'v1',
    name: 'B:devices',
    configure(vmi, domain, context) {
      domain.memory = { value: 128, unit: 'MiB' };
      domain.os = { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' } };
      const devices = (domain.devices ??= {});
      for (const [index, vmiInterface] of (vmi.spec.domain.devices.interfaces ?? []).entries()) {
        const network = vmi.spec.networks?.[index];
        if (network === undefined) continue;
        const domainInterface = { type: '', mac: { address: '02:00:00:00:00:01' } };
        context.networkBindings.require('a-vhost', `spec.domain.devices.interfaces[${String(index)}].binding`).configureInterface(vmiInterface, network, domainInterface, context);
        (devices.interfaces ??= []).push(domainInterface);
      }
      for (const [index, volume] of (vmi.spec.volumes ?? []).entries()) {
        const resolved = context.volumeSources.require('emptyDisk', `spec.volumes[${String(index)}].emptyDisk`).resolve(volume);
        (devices.disks ??= []).push({ type: resolved.type, device: 'disk', driver: { name: 'qemu', type: resolved.format }, source: { file: resolved.path }, target: { dev: 'vda', bus: 'virtio' } });
      }
    },
  }],
});

const vmi: VirtualMachineInstance = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name: 'tiny', namespace: 'lab' },
  spec: {
    domain: { devices: { interfaces: [{ name: 'fast', binding: { name: 'a-vhost' } }], disks: [{ name: 'scratch', disk: { bus: 'virtio' } }] }, memory: { guest: '128Mi' } },
    networks: [{ name: 'fast', multus: { networkName: 'dpdk' } }],
    volumes: [{ name: 'scratch', emptyDisk: { capacity: '1Gi' } }],
  },
};

describe('extensions used by another plugin’s configurator', () => {
  it('run with the providing plugin’s options and name, and get the VMI', async () => {
    const seen: Seen[] = [];
    const converter = createConverter({
      plugins: [providerPlugin(seen), consumerPlugin],
      options: { A: { socketDirectory: '/run/vhost' }, B: { label: 'lab' } },
    });
    const { domain, xml } = converter.convert(vmi, defaultConverterContext({ virtType: 'qemu' }));
    const aOptions = { socketDirectory: '/run/vhost', imageDirectory: '/images/a' };
    expect(seen).toEqual([
      { extension: 'a-vhost', plugin: 'A', options: aOptions, vmi: 'tiny' },
      { extension: 'emptyDisk', plugin: 'A', options: aOptions, vmi: 'tiny' },
    ]);
    expect(domain.devices?.interfaces?.[0]?.source).toEqual({ type: 'unix', path: '/run/vhost/tiny-fast.sock', mode: 'server' });
    expect(domain.devices?.disks?.[0]?.source).toEqual({ file: '/images/a/tiny-scratch.qcow2' });
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });

  it('attributes an extension’s warnings to the providing plugin, not to the configurator that called it', () => {
    const converter = createConverter({ plugins: [providerPlugin([]), consumerPlugin] });
    const { warnings } = converter.convert(vmi, defaultConverterContext({ virtType: 'qemu' }));
    expect(warnings).toContainEqual({ path: 'interface fast', reason: 'vhost-user needs hugepages on the host', severity: 'warning', rule: 'A' });
    expect(warnings).toContainEqual({ path: 'volume scratch', reason: 'scratch data is lost on restart', severity: 'warning', rule: 'A' });
    expect(warnings.filter((warning) => warning.rule === 'B:devices')).toEqual([]);
  });

  it('keeps the lookup’s keys, providers and unknown-name error', () => {
    const keys: string[] = [];
    const probe = definePlugin({
      specificationVersion: 'v1', name: 'probe', version: '1.0.0', core,
      configurators: [{
        specificationVersion: 'v1', name: 'probe:lookup',
        configure(_vmi, _domain, context) {
          keys.push(...context.networkBindings.keys(), String(context.networkBindings.pluginOf('a-vhost')), String(context.volumeSources.pluginOf('emptyDisk')));
          context.networkBindings.require('sriov', 'spec.domain.devices.interfaces[0].sriov');
        },
      }],
    });
    expect(() => createConverter({ plugins: [providerPlugin([]), probe] }).convert({ ...vmi, spec: { ...vmi.spec, volumes: [], networks: [], domain: { ...vmi.spec.domain, devices: {} } } }, defaultConverterContext()))
      .toThrow("spec.domain.devices.interfaces[0].sriov: no registered plugin provides network binding 'sriov' (registered: a-vhost)");
    expect(keys).toEqual(['a-vhost', 'A', 'A']);
  });

  it('leaves members beyond the core contract reachable on the bound extension', () => {
    const rules: string[] = [];
    const checked = { name: 'checked', rulesOf: (name: string) => `rules of ${name}`, configureInterface: () => undefined };
    const provider = definePlugin({ specificationVersion: 'v1', name: 'C', version: '1.0.0', core, networkBindings: [checked] });
    const reader = definePlugin({
      specificationVersion: 'v1', name: 'D', version: '1.0.0', core,
      configurators: [{
        specificationVersion: 'v1', name: 'D:read',
        configure(_vmi, _domain, context) {
          const bound = context.networkBindings.require('checked', 'spec') as typeof checked;
          rules.push(bound.name, bound.rulesOf('eth0'));
        },
      }],
    });
    createConverter({ plugins: [provider, reader] }).convert({ ...vmi, spec: { ...vmi.spec, volumes: [], networks: [], domain: { ...vmi.spec.domain, devices: {} } } }, defaultConverterContext());
    expect(rules).toEqual(['checked', 'rules of eth0']);
  });
});
