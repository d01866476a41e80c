// Every VMI of KubeVirt's examples converts to XML that libvirt's schema accepts and that a real
// libvirtd defines with validation. One private daemon for the whole file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startLibvirtd, validateDomainXml, type PrivateLibvirtd } from '@kvmkit/testing';
import { loadManifests, withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePlugins } from './plugin.ts';
import { claimsFor, testContext, testConverter } from './test-support/test-converter.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../shared/data/kubevirt-examples');
const DEFINE_VALIDATE = 1;
const UNDEFINE_NVRAM = 4;

/** pcie-root-ports libvirt left empty after placing every device (the hotplug reserve). */
function freeRootPorts(definedXml: string): number {
  const ports = [...definedXml.matchAll(/<controller type='pci' index='(\d+)' model='pcie-root-port'/g)].map((match) => Number(match[1]));
  const usedBuses = new Set([...definedXml.matchAll(/<address type='pci' domain='0x[0-9a-f]+' bus='0x([0-9a-f]+)'/g)].map((match) => parseInt(match[1] ?? '0', 16)));
  return ports.filter((index) => !usedBuses.has(index)).length;
}

function loadExamples(): { file: string; vmi: VirtualMachineInstance }[] {
  return readdirSync(EXAMPLES).filter((file) => /\.ya?ml$/.test(file)).sort().flatMap((file) => {
    const loaded = loadManifests(readFileSync(join(EXAMPLES, file), 'utf8'), { source: file });
    return loaded.vmis.map(({ vmi }) => ({ file, vmi: withDefaults(vmi) }));
  });
}

describe.skipIf(!existsSync(EXAMPLES))('KubeVirt examples', () => {
  const examples = existsSync(EXAMPLES) ? loadExamples() : [];
  const converter = testConverter({ claims: claimsFor(examples.map(({ vmi }) => vmi)) });
  const converted = examples.map(({ file, vmi }) => ({ file, name: vmi.metadata?.name ?? '', xml: converter.convert(vmi, testContext()).xml }));
  let libvirtd: PrivateLibvirtd;
  let libvirt: LibvirtConnection;

  beforeAll(async () => {
    libvirtd = await startLibvirtd();
    libvirt = await connect(libvirtd.uri);
  }, 120_000);

  afterAll(async () => {
    await libvirt.close();
    await libvirtd.stop();
  }, 60_000);

  // The golden cases too: libvirt itself reviews what the goldens say.
  const goldens = loadGoldenCases(join(import.meta.dirname, '__fixtures__')).map((goldenCase) => ({ name: goldenCase.name, xml: convertGoldenCase(goldenCase, basePlugins).xml }));

  it.each(goldens.map((golden) => [golden.name, golden] as const))('golden case %s defines on libvirtd', async (_name, golden) => {
    const domain = await libvirt.domainDefineXmlFlags(golden.xml, DEFINE_VALIDATE);
    try {
      expect(domain.name).toBe('lab_vm');
      expect(freeRootPorts(await libvirt.domainGetXmlDesc(domain))).toBeGreaterThanOrEqual(3);
    } finally {
      await libvirt.domainUndefineFlags(domain, UNDEFINE_NVRAM);
    }
  }, 60_000);

  it('finds the VMIs of the examples folder', () => {
    expect(examples.length).toBeGreaterThanOrEqual(30);
  });

  it.each(converted.map((entry) => [`${entry.file} ${entry.name}`, entry] as const))('%s validates against libvirt\'s schema and defines on libvirtd', async (_label, entry) => {
    expect(await validateDomainXml(entry.xml)).toEqual({ valid: true, errors: '' });
    const domain = await libvirt.domainDefineXmlFlags(entry.xml, DEFINE_VALIDATE);
    try {
      const defined = await libvirt.domainGetXmlDesc(domain);
      expect(defined).toContain(`<name>${entry.xml.match(/<name>([^<]+)<\/name>/)?.[1] ?? ''}</name>`);
      // KubeVirt's hotplug reserve survives libvirt's placement of the domain's own devices.
      if (defined.includes("machine='pc-q35")) expect(freeRootPorts(defined)).toBeGreaterThanOrEqual(3);
    } finally {
      await libvirt.domainUndefineFlags(domain, UNDEFINE_NVRAM);
    }
  }, 60_000);
});
