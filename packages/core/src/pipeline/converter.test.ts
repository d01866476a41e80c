import { validateDomainXml } from '@kvmkit/testing';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultConverterContext } from '../context/converter-context.ts';
import { KvmkitError } from '../errors/kvmkit-error.ts';
import { VmiInvalidError } from '../errors/vmi-invalid-error.ts';
import { definePlugin, type PluginManifest } from '../plugin/v1/plugin-manifest.ts';
import { CORE_VERSION } from '../version.ts';
import { createConverter } from './create-converter.ts';

const core = `>=${CORE_VERSION}`;
const context = defaultConverterContext({ virtType: 'qemu' });

const vmi: VirtualMachineInstance = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name: 'tiny', namespace: 'demo' },
  spec: { domain: { devices: {}, memory: { guest: '128Mi' } } },
};

/** A real plugin written for this test: a description, plus the minimum libvirt's schema needs. */
const describePlugin = definePlugin({
  specificationVersion: 'v1',
  name: 'test:describe',
  version: '1.0.0',
  core,
  optionsSchema: z.object({ prefix: z.string().default('kvmkit VM') }),
  configurators: [
    {
      specificationVersion: 'v1',
      name: 'test:description',
      configure(machine, domain, { options }) {
        domain.description = `${options.prefix} ${machine.metadata?.namespace ?? ''}/${machine.metadata?.name ?? ''}`;
      },
    },
    {
      specificationVersion: 'v1',
      name: 'test:skeleton',
      phase: 'pre',
      configure(_machine, domain) {
        domain.memory = { value: 128, unit: 'MiB' };
        domain.os = { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' } };
      },
    },
  ],
});

describe('Converter', () => {
  it('converts a minimal VMI to XML that libvirt’s schema accepts', async () => {
    const result = createConverter({ plugins: [describePlugin] }).convert(vmi, context);
    expect(result.configurators).toEqual(['test:skeleton', 'test:description']);
    expect(result.domain.description).toBe('kvmkit VM demo/tiny');
    expect(result.xml).toContain('<description>kvmkit VM demo/tiny</description>');
    expect(await validateDomainXml(result.xml)).toEqual({ valid: true, errors: '' });
  });

  it('passes each plugin its validated options', () => {
    const converter = createConverter({ plugins: [describePlugin], options: { 'test:describe': { prefix: 'Lab' } } });
    expect(converter.convert(vmi, context).domain.description).toBe('Lab demo/tiny');
    expect(() => createConverter({ plugins: [], options: { 'test:describe': {} } })).toThrow(/options were given for plugin 'test:describe'/);
  });

  it('is deterministic: the same VMI and context give the same bytes', () => {
    const converter = createConverter({ plugins: [describePlugin] });
    const first = converter.convert(structuredClone(vmi), context).xml;
    expect(converter.convert(structuredClone(vmi), context).xml).toBe(first);
    expect(createConverter({ plugins: [describePlugin as PluginManifest] }).convert(structuredClone(vmi), context).xml).toBe(first);
  });

  it('attributes a configurator’s exception to its plugin, configurator and VMI', () => {
    const failing = definePlugin({
      specificationVersion: 'v1', name: 'acme', version: '0.1.0', core,
      configurators: [{ specificationVersion: 'v1', name: 'acme:boom', configure() { throw Object.assign(new Error('no such page size'), { code: 'ACME_PAGES' }); } }],
    });
    let caught: unknown;
    try {
      createConverter({ plugins: [failing] }).convert(vmi, context);
    } catch (error) {
      caught = error;
    }
    expect(KvmkitError.isInstance(caught)).toBe(true);
    const error = caught as KvmkitError;
    expect(error.code).toBe('CONFIGURATOR_FAILED');
    expect(error.message).toBe("configurator 'acme:boom' of plugin 'acme' failed in configure for VMI demo/tiny: no such page size");
    expect(error.details).toMatchObject({ plugin: 'acme', configurator: 'acme:boom', vmi: 'demo/tiny', pluginCode: 'ACME_PAGES' });
    expect((error.cause as Error).message).toBe('no such page size');
  });

  it('does not wrap an error a plugin already attributed', () => {
    const own = new KvmkitError('ACME_REFUSED', 'acme refuses', { plugin: 'acme', path: 'spec.domain.cpu' });
    const refusing = definePlugin({
      specificationVersion: 'v1', name: 'acme', version: '0.1.0', core,
      configurators: [{ specificationVersion: 'v1', name: 'acme:refuse', configure() { throw own; } }],
    });
    expect(() => createConverter({ plugins: [refusing] }).convert(vmi, context)).toThrow(own);
  });

  it('reports every problem at once: core rules, plugin rules and configurator rules', () => {
    const strict = definePlugin({
      specificationVersion: 'v1', name: 'strict', version: '0.1.0', core,
      rules: [{ name: 'strict:labels', validate: (machine) => (machine.metadata?.labels === undefined ? [{ path: 'metadata.labels', reason: 'labels are required here', severity: 'error', rule: 'strict:labels' }] : []) }],
      configurators: [{
        specificationVersion: 'v1', name: 'strict:cpu', configure: () => undefined,
        validate: (machine) => (machine.spec.domain.cpu === undefined ? [{ path: 'spec.domain.cpu', reason: 'set the CPU explicitly', severity: 'warning', rule: 'strict:cpu' }] : []),
      }],
    });
    const broken: VirtualMachineInstance = {
      ...vmi,
      spec: { domain: { devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] }, memory: { guest: '128Mi' } } },
    };
    let caught: unknown;
    try {
      createConverter({ plugins: [strict] }).convert(broken, context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VmiInvalidError);
    const paths = (caught as VmiInvalidError).problems.map((problem) => `${problem.severity} ${problem.path}`);
    expect(paths).toContain('error metadata.labels');
    expect(paths).toContain('warning spec.domain.cpu');
    expect(paths.some((path) => path.startsWith('error spec.domain.devices.disks[0]'))).toBe(true);
  });

  it('returns warnings from configurators with the conversion', () => {
    const warning = definePlugin({
      specificationVersion: 'v1', name: 'warn', version: '0.1.0', core,
      configurators: [{ specificationVersion: 'v1', name: 'warn:clock', configure: (_machine, _domain, { warn }) => { warn('spec.domain.clock', 'timezone ignored'); } }],
    });
    const { warnings } = createConverter({ plugins: [warning] }).convert(vmi, context);
    expect(warnings).toContainEqual({ path: 'spec.domain.clock', reason: 'timezone ignored', severity: 'warning', rule: 'warn:clock' });
  });
});

describe('Converter extensions', () => {
  it('lets configurators resolve volumes through every plugin’s volume sources', () => {
    const provider = definePlugin({
      specificationVersion: 'v1', name: 'volumes', version: '0.1.0', core,
      volumeSources: [{ kind: 'emptyDisk', resolve: (volume) => ({ type: 'file' as const, path: `/volumes/${volume.name}.qcow2`, format: 'qcow2' as const }) }],
    });
    const consumer = definePlugin({
      specificationVersion: 'v1', name: 'disks', version: '0.1.0', core,
      configurators: [{
        specificationVersion: 'v1', name: 'disks:sources',
        configure(machine, domain, context) {
          const volumes = machine.spec.volumes ?? [];
          domain.description = volumes.map((volume, index) => {
            const kind = Object.keys(volume).find((key) => key !== 'name') ?? '';
            return context.volumeSources.require(kind, `spec.volumes[${String(index)}]`).resolve(volume, context).path;
          }).join(',');
        },
      }],
    });
    const withDisk: VirtualMachineInstance = { ...vmi, spec: { ...vmi.spec, volumes: [{ name: 'scratch', emptyDisk: { capacity: '1Gi' } }] } };
    expect(createConverter({ plugins: [provider, consumer] }).convert(withDisk, context).domain.description).toBe('/volumes/scratch.qcow2');
    const withUnknown: VirtualMachineInstance = { ...vmi, spec: { ...vmi.spec, volumes: [{ name: 'data', dataVolume: { name: 'dv' } }] } };
    expect(() => createConverter({ plugins: [provider, consumer] }).convert(withUnknown, context)).toThrow(
      "spec.volumes[0]: no registered plugin provides volume source 'dataVolume' (registered: emptyDisk)",
    );
  });
});
