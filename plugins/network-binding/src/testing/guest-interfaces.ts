// Test-only: what the tiny guest's qemu-ga says about its network, and commands run in it.
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';

type Domain = Awaited<ReturnType<LibvirtConnection['domainLookupByName']>>;

/** One interface as qemu-ga's guest-network-get-interfaces reports it. */
export interface GuestInterface {
  name: string;
  'hardware-address'?: string;
  'ip-addresses'?: { 'ip-address-type': string; 'ip-address': string; prefix: number }[];
}

/** The interface's IPv4 address, if it has one. */
export function ipv4Of(guestInterface: GuestInterface): { 'ip-address': string; prefix: number } | undefined {
  return guestInterface['ip-addresses']?.find((address) => address['ip-address-type'] === 'ipv4');
}

/** Asks qemu-ga until it reports the interface with `mac` and an IPv4 address (DHCP takes a moment). */
export async function pollGuestInterface(connection: LibvirtConnection, domain: Domain, mac: string, timeoutMs: number): Promise<GuestInterface> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const answer = await connection.qemuDomainAgentCommand(domain, JSON.stringify({ execute: 'guest-network-get-interfaces' }), 10);
      const interfaces = (JSON.parse(answer ?? '{}') as { return?: GuestInterface[] }).return ?? [];
      const found = interfaces.find((guestInterface) => guestInterface['hardware-address'] === mac);
      if (found !== undefined && ipv4Of(found) !== undefined) return found;
      last = JSON.stringify(interfaces);
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(`the guest agent never reported ${mac} with an IPv4 address; last: ${last}`);
}

/** Starts `script` with the guest's shell through qemu-ga's guest-exec, without waiting for it. */
export async function startInGuest(connection: LibvirtConnection, domain: Domain, script: string): Promise<number> {
  const command = { execute: 'guest-exec', arguments: { path: '/bin/sh', arg: ['-c', script], 'capture-output': false } };
  const answer = await connection.qemuDomainAgentCommand(domain, JSON.stringify(command), 10);
  const pid = (JSON.parse(answer ?? '{}') as { return?: { pid?: number } }).return?.pid;
  if (pid === undefined) throw new Error(`guest-exec of "${script}" gave no pid: ${answer ?? 'no answer'}`);
  return pid;
}
