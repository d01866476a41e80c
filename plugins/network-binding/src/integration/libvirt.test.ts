// One private libvirtd for the file: every golden case is defined with validation, then the tiny
// guest boots with a masquerade interface (QEMU user-mode NAT: no host set-up, no dnsmasq) and its
// guest agent reports that interface. Debian 12's libvirt 9.0 is built with passt support patched
// out (debian/patches/debian/Disable-passt-support.patch), so passt cases are skipped, saying so,
// on daemons that refuse `<backend type='passt'/>`.
import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startGuestLab, waitForFileLine, type GuestLab } from '@kvmkit/testing';
import { withDefaults } from '@kvmkit/vmi';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkBindingPlugin } from '../index.ts';
import { bootableDomainPlugin } from '../testing/bootable-domain-plugin.ts';
import { ipv4Of, pollGuestInterface } from '../testing/guest-interfaces.ts';
import { vmiWithInterfaces } from '../testing/vmi-with-interfaces.ts';

const DEFINE_VALIDATE = 1;

let lab: GuestLab<LibvirtConnection>;
let passtSupported: boolean;

/** Whether the daemon's domain parser knows the passt backend (libvirt's test driver shares it). */
async function daemonAcceptsPasst(testDriverUri: string): Promise<boolean> {
  const testDriver = await connect(testDriverUri);
  try {
    const probe = await testDriver.domainDefineXml("<domain type='test'><name>passt-probe</name><memory>65536</memory><os><type>hvm</type></os>"
      + "<devices><interface type='user'><backend type='passt'/></interface></devices></domain>");
    await testDriver.domainUndefine(probe);
    return true;
  } catch (error) {
    if (error instanceof Error && error.message.includes("element 'backend': 'passt'")) return false;
    throw error;
  } finally {
    await testDriver.close();
  }
}

beforeAll(async () => {
  lab = await startGuestLab(connect);
  passtSupported = await daemonAcceptsPasst(lab.libvirtd.testDriverUri);
}, 180_000);

afterAll(() => lab.stop(), 60_000);

describe('on a real libvirtd', () => {
  const cases = loadGoldenCases(fileURLToPath(new URL('../__fixtures__', import.meta.url)));

  it.for(cases)('defines the $name golden case with validation', async (goldenCase, context) => {
    if (goldenCase.name.startsWith('passt') && !passtSupported) context.skip('this libvirt is built without passt support');
    const { xml } = convertGoldenCase({ ...goldenCase, context: { ...goldenCase.context, virtType: lab.virtType } }, [bootableDomainPlugin, networkBindingPlugin]);
    const domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    try {
      const defined = await lab.connection.domainGetXmlDesc(domain, 0);
      expect(defined).toContain(`<alias name='ua-`);
      expect((defined.match(/<interface type=/g) ?? []).length).toBe(goldenCase.vmi.spec.domain.devices.interfaces?.length);
    } finally {
      await lab.connection.domainUndefine(domain);
    }
  });

  it('boots the tiny guest with a masquerade interface that its guest agent reports with its MAC and a DHCP address', async () => {
    const consoleLog = join(lab.libvirtd.layout.baseDir, 'masquerade-console.log');
    const converter = createConverter({
      plugins: [bootableDomainPlugin, networkBindingPlugin],
      options: {
        'test:bootable-domain': { kernel: lab.image.kernel, initrd: lab.image.initrd, cmdline: lab.image.cmdline, consoleLog },
        'network-binding': { masquerade: { mode: 'user', cidr: '10.0.7.0/24' } },
      },
    });
    const vmi = withDefaults(vmiWithInterfaces([{ name: 'default', masquerade: {} }], [{ name: 'default', pod: {} }]));
    const { xml, domain: model } = converter.convert(vmi, defaultConverterContext({ virtType: lab.virtType }));
    const mac = model.devices?.interfaces?.[0]?.mac?.address ?? '';
    const domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    try {
      await lab.connection.domainCreate(domain);
      await waitForFileLine(consoleLog, lab.image.readyLine, 150_000);
      const guestInterface = await pollGuestInterface(lab.connection, domain, mac, 120_000);
      expect(guestInterface['hardware-address']).toBe(mac);
      expect(guestInterface.name).toMatch(/^eth\d+$/);
      const ipv4 = ipv4Of(guestInterface);
      // QEMU's user-mode DHCP hands out the subnet's .15 first.
      expect(ipv4).toMatchObject({ 'ip-address': '10.0.7.15', prefix: 24 });
    } finally {
      await lab.connection.domainDestroy(domain).catch(() => undefined);
      await lab.connection.domainUndefine(domain);
    }
  }, 300_000);
});
