// The masquerade binding in its default mode, for real: one private libvirtd (root) for the file,
// the plugin's prepare run the way the domain manager runs it (prepareVmi with the real
// LibvirtHostOperations), so libvirt defines and starts the NAT network (bridge, firewall NAT,
// dnsmasq), gives the guest's MAC a fixed DHCP address and iptables forwards a host port to it.
// The tiny guest boots once on that network. The network gets a bridge name and subnet unique to
// this run, and afterAll destroys it: a killed daemon leaves bridges and firewall rules behind.
import { createConverter, defaultConverterContext, type Converter, type ConverterContext } from '@kvmkit/core';
import { LibvirtHostOperations, prepareVmi } from '@kvmkit/domain-manager';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startGuestLab, waitForFileLine, type GuestLab } from '@kvmkit/testing';
import { withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkBindingPlugin, releaseInterfaces, type NetworkBindingOptions } from '../index.ts';
import { bootableDomainPlugin } from '../testing/bootable-domain-plugin.ts';
import { ipv4Of, pollGuestInterface, startInGuest } from '../testing/guest-interfaces.ts';
import { describeNetwork, removeNetwork } from '../testing/libvirt-networks.ts';
import { vmiWithInterfaces } from '../testing/vmi-with-interfaces.ts';

const DEFINE_VALIDATE = 1;
const runnable = process.getuid?.() === 0 && existsSync('/usr/sbin/dnsmasq') && ['/usr/sbin/iptables', '/sbin/iptables'].some((path) => existsSync(path));

// Unique per run: a leftover of a crashed run never clashes with this one.
const tag = randomBytes(3).toString('hex');
const networkName = `kvmkit-t${tag}`;
const bridge = `kvmkit-t${tag}`; // 14 characters: Linux allows 15
const subnetOctet = randomInt(0, 256);
const cidr = `10.213.${String(subnetOctet)}.0/24`;
const subnetPrefix = `10.213.${String(subnetOctet)}.`;
const gateway = `${subnetPrefix}1`;
const guestPort = randomInt(40_000, 50_000);
const options = { masquerade: { network: networkName, bridge, cidr } };

type Domain = Awaited<ReturnType<LibvirtConnection['domainLookupByName']>>;

let lab: GuestLab<LibvirtConnection>;
let host: LibvirtHostOperations;
let converter: Converter;
let context: ConverterContext;
let vmi: VirtualMachineInstance;
let domain: Domain | undefined;

/** The plugin's delete-time hook, with the context the manager would give it. */
function releaseForwards(): Promise<void> {
  const { registry } = converter;
  return releaseInterfaces(vmi, host, {
    ...context,
    options: registry.optionsOf('network-binding') as NetworkBindingOptions,
    plugin: 'network-binding',
    volumeSources: registry.volumeSources,
    networkBindings: registry.networkBindings,
    warn: () => undefined,
  });
}

/** What a TCP client on the host reads from `address:port`, or the error code it gets. */
function readFrom(address: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: address, port, timeout: 5_000 });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { answer += chunk; });
    socket.on('end', () => { resolve(answer); });
    socket.on('timeout', () => { socket.destroy(); resolve('timeout'); });
    socket.on('error', (error: NodeJS.ErrnoException) => { resolve(error.code ?? error.message); });
  });
}

/** kvmkit's DNAT rules into this run's subnet (the chain may be gone altogether). */
function kvmkitNatRules(): string[] {
  try {
    return execFileSync('iptables', ['-w', '-t', 'nat', '-S', 'KVMKIT_PREROUTING'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n').filter((line) => line.includes(`--to-destination ${subnetPrefix}`));
  } catch {
    return [];
  }
}

describe.skipIf(!runnable)('masquerade on a libvirt NAT network (root daemon, dnsmasq, iptables)', () => {
  beforeAll(async () => {
    lab = await startGuestLab(connect);
    const baseDir = lab.libvirtd.layout.baseDir;
    context = defaultConverterContext({ virtType: lab.virtType, directories: { state: join(baseDir, 'state'), volumes: join(baseDir, 'volumes') } });
    host = new LibvirtHostOperations({ directories: context.directories, connection: lab.connection });
    converter = createConverter({
      plugins: [bootableDomainPlugin, networkBindingPlugin],
      options: {
        'test:bootable-domain': { kernel: lab.image.kernel, initrd: lab.image.initrd, cmdline: lab.image.cmdline, consoleLog: join(baseDir, 'nat-console.log') },
        'network-binding': options,
      },
    });
    vmi = withDefaults(vmiWithInterfaces([{ name: 'default', masquerade: {}, ports: [{ name: 'hello', port: guestPort }] }], [{ name: 'default', pod: {} }]));
  }, 180_000);

  afterAll(async () => {
    // beforeAll may have failed before the lab was up.
    if ((lab as GuestLab<LibvirtConnection> | undefined) === undefined) return;
    try {
      if (domain !== undefined) {
        await lab.connection.domainDestroy(domain).catch(() => undefined);
        await lab.connection.domainUndefine(domain).catch(() => undefined);
      }
      await releaseForwards().catch(() => undefined);
      await removeNetwork(lab.connection, networkName);
    } finally {
      await lab.stop();
    }
  }, 60_000);

  it('prepare defines and starts the NAT network with its bridge, subnet and a fixed address for the guest; a second prepare changes nothing', async () => {
    expect(await prepareVmi(vmi, converter, context, host)).toEqual([]);
    const first = await describeNetwork(lab.connection, networkName);
    expect(first.active).toBe(true);
    expect(first.xml).toContain("<forward mode='nat'>");
    expect(first.xml).toContain(`<bridge name='${bridge}'`);
    expect(first.xml).toContain(`<ip address='${gateway}' netmask='255.255.255.0'>`);
    // The reservation is named for its owner (lab/guest), so a release finds it without the MAC.
    expect(first.xml).toMatch(/<host mac='02:6b:76:[0-9a-f:]{8}' name='guest\.lab' ip='10\.213\.\d+\.(1[3-9]\d|2[0-5]\d)'\/>/);
    // libvirt made the bridge on the host, with the gateway address.
    expect(execFileSync('ip', ['-o', '-4', 'addr', 'show', 'dev', bridge], { encoding: 'utf8' })).toContain(`inet ${gateway}/24`);
    const rules = kvmkitNatRules();
    expect(rules).toHaveLength(1);

    expect(await prepareVmi(vmi, converter, context, host)).toEqual([]);
    const second = await describeNetwork(lab.connection, networkName);
    expect(second).toEqual(first);
    expect(kvmkitNatRules()).toEqual(rules);

    // A sync of the VMI with its ports removed releases the forward and the reservation ...
    const withoutPorts = structuredClone(vmi);
    delete withoutPorts.spec.domain.devices.interfaces?.[0]?.ports;
    expect(await prepareVmi(withoutPorts, converter, context, host)).toEqual([]);
    expect(kvmkitNatRules()).toEqual([]);
    expect((await describeNetwork(lab.connection, networkName)).xml).not.toContain("name='guest.lab'");
    // ... and with them back, both return as they were (the address follows from the MAC).
    expect(await prepareVmi(vmi, converter, context, host)).toEqual([]);
    expect(await describeNetwork(lab.connection, networkName)).toEqual(first);
    expect(kvmkitNatRules()).toEqual(rules);
  }, 60_000);

  it('boots the tiny guest, whose agent reports the interface with its MAC and the fixed DHCP address; the forwarded port reaches it until released', async () => {
    const { xml, domain: model } = converter.convert(vmi, context);
    const mac = model.devices?.interfaces?.[0]?.mac?.address ?? '';
    expect(model.devices?.interfaces?.[0]).toMatchObject({ type: 'network', source: { network: networkName } });
    const reserved = new RegExp(`<host mac='${mac}' name='guest\\.lab' ip='([\\d.]+)'/>`).exec((await describeNetwork(lab.connection, networkName)).xml)?.[1];
    expect(reserved).toBeDefined();

    domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    await lab.connection.domainCreate(domain);
    await waitForFileLine(join(lab.libvirtd.layout.baseDir, 'nat-console.log'), lab.image.readyLine, 150_000);
    const guestInterface = await pollGuestInterface(lab.connection, domain, mac, 120_000);
    expect(guestInterface['hardware-address']).toBe(mac);
    expect(ipv4Of(guestInterface)).toEqual({ 'ip-address-type': 'ipv4', 'ip-address': reserved, prefix: 24 });

    // A listener in the guest (busybox nc, persistent), reached from the host through the
    // network's gateway address on the forwarded port (the host's nat OUTPUT rule).
    await startInGuest(lab.connection, domain, `nc -ll -p ${String(guestPort)} -e /bin/echo hello-from-guest >/dev/null 2>&1 &`);
    let answer = '';
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !answer.includes('hello-from-guest')) {
      answer = await readFrom(gateway, guestPort);
      if (!answer.includes('hello-from-guest')) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(answer).toBe('hello-from-guest\n');

    await releaseForwards();
    expect(kvmkitNatRules()).toEqual([]);
    expect((await describeNetwork(lab.connection, networkName)).xml).not.toContain(`<host mac='${mac}'`);
    // The same port on the gateway is now the host's own, where nothing listens.
    expect(await readFrom(gateway, guestPort)).toBe('ECONNREFUSED');
  }, 300_000);
});
