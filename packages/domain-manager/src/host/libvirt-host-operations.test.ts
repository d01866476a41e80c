// forwardPorts/releasePorts of LibvirtHostOperations against libvirt's network code for real
// (the test driver of a private libvirtd: network-update keeps and checks DHCP reservations as a
// real network does, without dnsmasq or bridges) and a fake iptables (test-support), so the
// host's firewall is not touched. The real NAT boot is plugins/network-binding's nat-network test.
import { KvmkitError } from '@kvmkit/core';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeIptables, type FakeIptables } from '../test-support/fake-iptables.ts';
import { LibvirtHostOperations } from './libvirt-host-operations.ts';

const directories = { state: '/var/lib/kvmkit-test/state', volumes: '/var/lib/kvmkit-test/volumes' };
let daemon: PrivateLibvirtd;
let connection: LibvirtConnection;
let iptables: FakeIptables;
let networkCount = 0;

function hostOperations(): LibvirtHostOperations {
  return new LibvirtHostOperations({ directories, connection, iptables: iptables.binary });
}

/** A new NAT network on the test driver: a /24 whose DHCP range ends at `rangeEnd`. */
async function natNetwork(rangeEnd = 127): Promise<{ name: string; prefix: string }> {
  networkCount += 1;
  const name = `fwd-${String(networkCount)}`;
  const prefix = `10.77.${String(networkCount)}.`;
  await hostOperations().ensureNetwork(name, `<network><name>${name}</name><forward mode='nat'/><bridge name='kvmkit-f${String(networkCount)}'/><ip address='${prefix}1' netmask='255.255.255.0'><dhcp><range start='${prefix}2' end='${prefix}${String(rangeEnd)}'/></dhcp></ip></network>`);
  return { name, prefix };
}

async function dhcpHosts(network: string): Promise<string[]> {
  const xml = await connection.networkGetXmlDesc(await connection.networkLookupByName(network));
  return [...xml.matchAll(/<host [^>]*\/>/g)].map((match) => match[0]);
}

function kvmkitRules(): string[] {
  return Object.entries(iptables.chains()).filter(([chain]) => chain.startsWith('KVMKIT_')).flatMap(([, rules]) => rules);
}

const web = (hostPort: number): { protocol: 'tcp'; hostPort: number; guestPort: number } => ({ protocol: 'tcp', hostPort, guestPort: 80 });

beforeAll(async () => {
  daemon = await startLibvirtd();
  connection = await connect(daemon.testDriverUri);
}, 60_000);

afterAll(async () => {
  await connection.close();
  await daemon.stop();
});

beforeEach(() => {
  iptables = fakeIptables();
  return () => { iptables.remove(); };
});

describe('LibvirtHostOperations.forwardPorts and releasePorts', () => {
  it("reserves the guest's address named for its owner, and releasePorts finds rules and reservation by the owner alone", async () => {
    const { name, prefix } = await natNetwork();
    const { guestAddress } = await hostOperations().forwardPorts({ owner: 'lab/guest', network: name, mac: '02:6b:76:00:00:01', ports: [web(8080)] });
    expect(guestAddress.startsWith(prefix)).toBe(true);
    expect(await dhcpHosts(name)).toEqual([`<host mac='02:6b:76:00:00:01' name='guest.lab' ip='${guestAddress}'/>`]);
    expect(kvmkitRules()).toHaveLength(3);

    // No MAC, no network: what a sync after the ports were removed, or a delete, knows.
    await hostOperations().releasePorts({ owner: 'lab/guest' });
    expect(await dhcpHosts(name)).toEqual([]);
    expect(Object.keys(iptables.chains()).filter((chain) => chain.startsWith('KVMKIT_'))).toEqual([]);
  }, 30_000);

  it('releases a reservation without a name through the address its rules forwarded to, and leaves other owners alone', async () => {
    const { name } = await natNetwork();
    // Upper case and "_" make no DNS name: the reservation carries none.
    await hostOperations().forwardPorts({ owner: 'Lab/Guest_1', network: name, mac: '02:6b:76:00:00:02', ports: [web(8081)] });
    await hostOperations().forwardPorts({ owner: 'lab/other', network: name, mac: '02:6b:76:00:00:03', ports: [web(8082)] });
    expect((await dhcpHosts(name))[0]).toMatch(/^<host mac='02:6b:76:00:00:02' ip='[\d.]+'\/>$/);
    await hostOperations().releasePorts({ owner: 'Lab/Guest_1', network: name });
    expect(await dhcpHosts(name)).toEqual([expect.stringContaining("name='other.lab'")]);
    expect(kvmkitRules()).toHaveLength(3);
    expect(kvmkitRules().every((rule) => rule.includes('kvmkit:lab/other'))).toBe(true);
  }, 30_000);

  it('releases on a network with no free address left (it picks none)', async () => {
    const { name, prefix } = await natNetwork(253);
    // The only address outside the DHCP range, taken by the owner (as a forward would have).
    await hostOperations().forwardPorts({ owner: 'lab/full', network: name, mac: '02:6b:76:00:00:04', ports: [web(8083)] });
    expect(await dhcpHosts(name)).toEqual([`<host mac='02:6b:76:00:00:04' name='full.lab' ip='${prefix}254'/>`]);
    await expect(hostOperations().forwardPorts({ owner: 'lab/late', network: name, mac: '02:6b:76:00:00:05', ports: [web(8084)] })).rejects.toThrow('no free IPv4 address');
    await hostOperations().releasePorts({ owner: 'lab/full', network: name });
    expect(await dhcpHosts(name)).toEqual([]);
  }, 30_000);

  it('refuses a host port another owner forwards before reserving anything', async () => {
    const { name } = await natNetwork();
    iptables.seed('KVMKIT_PREROUTING', ['-A KVMKIT_PREROUTING -m addrtype --dst-type LOCAL -p tcp -m tcp --dport 8085 -m comment --comment kvmkit:lab/first -j DNAT --to-destination 10.0.0.9:80']);
    const refused = hostOperations().forwardPorts({ owner: 'lab/second', network: name, mac: '02:6b:76:00:00:06', ports: [web(8085)] });
    await expect(refused).rejects.toMatchObject({ code: 'HOST_OPERATION_FAILED', details: { path: 'forwardPorts.ports' }, message: 'forwardPorts.ports: host port 8085/tcp is already forwarded for lab/first' });
    expect(await dhcpHosts(name)).toEqual([]);
  }, 30_000);

  it('takes the reservation back when the rules cannot be written', async () => {
    const { name } = await natNetwork();
    iptables.set('fail-append');
    await expect(hostOperations().forwardPorts({ owner: 'lab/guest', network: name, mac: '02:6b:76:00:00:07', ports: [web(8086)] })).rejects.toThrow('fake refusal');
    expect(await dhcpHosts(name)).toEqual([]);
  }, 30_000);

  it('drops the reservation an owner holds for an earlier MAC when it forwards with a new one', async () => {
    const { name } = await natNetwork();
    await hostOperations().forwardPorts({ owner: 'lab/guest', network: name, mac: '02:6b:76:00:00:08', ports: [web(8087)] });
    const { guestAddress } = await hostOperations().forwardPorts({ owner: 'lab/guest', network: name, mac: '0a:00:01:00:00:08', ports: [web(8087)] });
    expect(await dhcpHosts(name)).toEqual([`<host mac='0a:00:01:00:00:08' name='guest.lab' ip='${guestAddress}'/>`]);
    expect(kvmkitRules().filter((rule) => rule.includes('DNAT'))).toEqual(expect.arrayContaining([expect.stringContaining(`--to-destination ${guestAddress}:80`)]));
    expect(kvmkitRules()).toHaveLength(3);
  }, 30_000);

  it('names the field: an invalid owner is INVALID_REQUEST, a missing or failing network HOST_OPERATION_FAILED at forwardPorts.network', async () => {
    await expect(hostOperations().forwardPorts({ owner: 'lab/my guest', network: 'x', mac: '02:6b:76:00:00:09', ports: [] }))
      .rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { path: 'forwardPorts.owner' } });
    await expect(hostOperations().releasePorts({ owner: '' })).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { path: 'releasePorts.owner' } });
    await expect(hostOperations().forwardPorts({ owner: 'lab/guest', network: 'no-such-network', mac: '02:6b:76:00:00:09', ports: [] }))
      .rejects.toMatchObject({ code: 'HOST_OPERATION_FAILED', details: { path: 'forwardPorts.network' }, message: 'forwardPorts.network: no libvirt network named no-such-network (ensureNetwork it first)' });
    const closed = await connect(daemon.testDriverUri);
    await closed.close();
    const failed = await new LibvirtHostOperations({ directories, connection: closed, iptables: iptables.binary }).forwardPorts({ owner: 'lab/guest', network: 'x', mac: '02:6b:76:00:00:09', ports: [] }).catch((error: unknown) => error);
    expect(KvmkitError.isInstance(failed) && failed.code === 'HOST_OPERATION_FAILED' && failed.details.path === 'forwardPorts.network').toBe(true);
    expect((failed as Error).cause).toBeInstanceOf(Error);
  }, 30_000);

  it('accepts kvmkit chains that appear between its check and its -N (another process made them)', async () => {
    const { name } = await natNetwork();
    for (const chain of ['KVMKIT_PREROUTING', 'KVMKIT_OUTPUT', 'KVMKIT_FORWARD']) iptables.seed(chain, []);
    iptables.set('hide-chains');
    await hostOperations().forwardPorts({ owner: 'lab/guest', network: name, mac: '02:6b:76:00:00:0a', ports: [web(8088)] });
    iptables.clear('hide-chains');
    expect(kvmkitRules()).toHaveLength(3);
  }, 30_000);
});

describe('port forwarding across host-operations instances (one per sync, as the manager builds them)', () => {
  it('serialises whole operations: concurrent VMIs each get their own address and rules, chains created once', async () => {
    const { name } = await natNetwork();
    const owners = ['a', 'b', 'c', 'd'];
    const results = await Promise.all(owners.map((owner, index) => hostOperations().forwardPorts({ owner: `lab/${owner}`, network: name, mac: `02:6b:76:00:01:0${String(index)}`, ports: [web(9000 + index)] })));
    expect(new Set(results.map((result) => result.guestAddress)).size).toBe(4);
    expect(await dhcpHosts(name)).toHaveLength(4);
    expect(kvmkitRules()).toHaveLength(12);
    await Promise.all(owners.map((owner) => hostOperations().releasePorts({ owner: `lab/${owner}`, network: name })));
    expect(await dhcpHosts(name)).toEqual([]);
    expect(kvmkitRules()).toEqual([]);
  }, 60_000);

  it('hands the last free address to one VMI and tells the other the network is full', async () => {
    const { name } = await natNetwork(253);
    const outcomes = await Promise.allSettled(['x', 'y'].map((owner, index) => hostOperations().forwardPorts({ owner: `lab/${owner}`, network: name, mac: `02:6b:76:00:02:0${String(index)}`, ports: [web(9100 + index)] })));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(String((rejected?.reason as Error | undefined)?.message)).toContain('has no free IPv4 address outside its DHCP ranges');
    expect(await dhcpHosts(name)).toHaveLength(1);
  }, 30_000);
});
