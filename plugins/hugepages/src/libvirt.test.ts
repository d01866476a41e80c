// Proves the plugin against the real thing: every golden domain is accepted by a private libvirtd
// (define with validation), and the tiny guest boots on QEMU with its memory on 2Mi huge pages.
import { baseMemoryStandInPlugin, convertGoldenCase, loadGoldenCases, tinyGuestTestPlugin } from '@kvmkit/core/testing';
import { GuestAgent, waitForGuestAgent } from '@kvmkit/domain-manager';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startGuestLab, waitForFileLine, type GuestLab } from '@kvmkit/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hugepagesPlugin } from './plugin.ts';

const DEFINE_VALIDATE = 1;
const NR_HUGEPAGES = '/proc/sys/vm/nr_hugepages';
const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));

function freeHugepages(): number {
  return Number(/HugePages_Free:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
}

/** The guest RAM mapping of a QEMU process: its size and kernel page size, from smaps. */
function memfdMapping(pid: number): { sizeKiB: number; kernelPageKiB: number } | undefined {
  const smaps = readFileSync(`/proc/${String(pid)}/smaps`, 'utf8');
  const block = smaps.split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/).find((entry) => entry.includes('memfd:memory-backend-memfd'));
  if (block === undefined) return undefined;
  return { sizeKiB: Number(/^Size:\s+(\d+) kB/m.exec(block)?.[1]), kernelPageKiB: Number(/^KernelPageSize:\s+(\d+) kB/m.exec(block)?.[1]) };
}

describe('hugepages on a real libvirtd and QEMU', () => {
  let lab: GuestLab<LibvirtConnection>;

  beforeAll(async () => {
    lab = await startGuestLab(connect);
  }, 150_000);

  afterAll(() => lab.stop(), 60_000);

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('libvirtd defines %s with validation', async (name, goldenCase) => {
    const { xml } = convertGoldenCase({ ...goldenCase, context: { ...goldenCase.context, virtType: lab.virtType } }, [baseMemoryStandInPlugin, hugepagesPlugin]);
    const domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    try {
      const defined = await lab.connection.domainGetXmlDesc(domain);
      expect(defined).toContain(`<name>${name}</name>`);
      if (xml.includes('<hugepages>')) expect(defined).toMatch(/<page size='(2048|1048576)' unit='KiB'/);
      if (xml.includes("<source type='memfd'/>")) expect(defined).toContain("<source type='memfd'/>");
      if (xml.includes("<access mode='shared'/>")) expect(defined).toContain("<access mode='shared'/>");
    } finally {
      await lab.connection.domainUndefine(domain);
    }
  });

  it('boots the tiny guest with its 128Mi on 2Mi huge pages (memfd)', async (context) => {
    const pages = 64;
    const readReserved = (): number => Number(readFileSync(NR_HUGEPAGES, 'utf8'));
    const before = readReserved();
    // Reserve pages on top of whatever others hold, and give back exactly what the kernel granted.
    try {
      writeFileSync(NR_HUGEPAGES, String(before + pages + 8));
    } catch (error) {
      // Only root may reserve huge pages; without them the define tests above are what is shown.
      context.skip(`cannot reserve huge pages: ${String(error)}`);
    }
    const granted = Math.max(0, readReserved() - before);
    try {
      if (freeHugepages() < pages) context.skip(`the host could not reserve ${String(pages)} free 2Mi pages`);
      const goldenCase = structuredClone(cases.find((found) => found.name === 'page-2mi')!);
      goldenCase.vmi.spec.domain.memory = { guest: '128Mi', hugepages: { pageSize: '2Mi' } };
      const consoleLog = join(lab.libvirtd.layout.baseDir, 'hugepages-console.log');
      const { xml } = convertGoldenCase({ ...goldenCase, context: { virtType: lab.virtType } }, [baseMemoryStandInPlugin, hugepagesPlugin, tinyGuestTestPlugin({ ...lab.image, consoleLog })]);
      const domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
      await lab.connection.domainCreate(domain);
      try {
        const pid = Number(readFileSync(join(lab.libvirtd.layout.runDir, 'qemu', 'page-2mi.pid'), 'utf8'));
        expect(memfdMapping(pid)).toEqual({ sizeKiB: 131072, kernelPageKiB: 2048 });
        await waitForFileLine(consoleLog, lab.image.readyLine, 150_000);
        const agent = new GuestAgent(lab.connection, domain, 'page-2mi', 10);
        await waitForGuestAgent(agent, 60_000);
        const meminfo = await agent.exec('/bin/sh', ['-c', 'grep MemTotal /proc/meminfo'], 30, 500);
        expect(meminfo.exitCode).toBe(0);
        const memTotalKiB = Number(/MemTotal:\s+(\d+) kB/.exec(meminfo.stdout)?.[1]);
        // The kernel keeps some for itself: what it reports lies below the 128Mi it was given.
        expect(memTotalKiB).toBeGreaterThan(64 * 1024);
        expect(memTotalKiB).toBeLessThanOrEqual(128 * 1024);
      } finally {
        await lab.connection.domainDestroy(domain);
        await lab.connection.domainUndefine(domain);
      }
    } finally {
      writeFileSync(NR_HUGEPAGES, String(Math.max(0, readReserved() - granted)));
    }
  }, 240_000);
});
