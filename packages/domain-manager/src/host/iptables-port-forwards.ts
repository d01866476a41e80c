import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ForwardedPort } from '@kvmkit/core';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { forwardRules, KVMKIT_CHAINS, listedRules, ownerComment, type FirewallRule } from './port-forward-rules.ts';

const execFileAsync = promisify(execFile);

/**
 * Port forwards into guests on libvirt NAT networks as iptables rules in kvmkit's own chains
 * (libvirt 9.0 networks cannot forward ports themselves). Every rule carries its owner in a
 * comment, so an owner's forwards are found, replaced and removed without touching anyone else's.
 * Not serialised here: iptables' own lock (`-w`) guards single commands, not a read-then-write,
 * so callers run these methods one at a time (`LibvirtHostOperations` does, through the
 * process-wide `serialisedPortForwarding`).
 */
export class IptablesPortForwards {
  readonly #iptables: string;

  constructor(iptables = 'iptables') {
    this.#iptables = iptables;
  }

  /** Refuses host ports another owner (or a rule kvmkit did not write) already forwards in kvmkit's chain. */
  async refuseTakenPorts(owner: string, ports: readonly ForwardedPort[]): Promise<void> {
    const [prerouting] = KVMKIT_CHAINS;
    const listing = (await this.#listings()).get(prerouting.chain) ?? '';
    for (const rule of listedRules(listing, prerouting.chain)) {
      const clash = ports.find((port) => rule.owner !== owner && rule.protocol === port.protocol && rule.destinationPort === port.hostPort);
      if (clash !== undefined) {
        throw domainManagerError('HOST_OPERATION_FAILED', `forwardPorts.ports: host port ${String(clash.hostPort)}/${clash.protocol} is already forwarded for ${rule.owner ?? 'a rule kvmkit did not write'}`, { path: 'forwardPorts.ports' });
      }
    }
  }

  /** Makes the owner's rules exactly those for `ports` to `guestAddress`; no change when they already are. */
  async apply(owner: string, guestAddress: string, ports: readonly ForwardedPort[]): Promise<void> {
    const wanted = forwardRules(owner, guestAddress, ports);
    await this.#ensureChains();
    const listings = await this.#listings();
    const current = KVMKIT_CHAINS.flatMap(({ chain }) => listedRules(listings.get(chain) ?? '', chain).filter((rule) => rule.owner === owner));
    if (current.length === wanted.length && (await this.#allPresent(wanted))) return;
    await this.#removeOwned(owner, listings);
    for (const rule of wanted) await this.#run(['-t', rule.table, '-A', rule.chain, ...rule.args], 'forwardPorts');
  }

  /**
   * Removes the owner's rules; when no rules are left, kvmkit's chains and their jumps go too.
   * Returns the guest addresses the removed rules forwarded to.
   */
  async remove(owner: string): Promise<Set<string>> {
    ownerComment(owner);
    const listings = await this.#listings();
    const owned = KVMKIT_CHAINS.flatMap(({ chain }) => listedRules(listings.get(chain) ?? '', chain).filter((rule) => rule.owner === owner));
    // The common case on every sync of a VMI without forwards: nothing to remove, nothing to list again.
    if (owned.length === 0) return new Set();
    const forwardedTo = new Set(owned.flatMap((rule) => (rule.forwardedTo === undefined ? [] : [rule.forwardedTo])));
    await this.#removeOwned(owner, listings);
    const remaining = await this.#listings();
    const empty = KVMKIT_CHAINS.every(({ chain }) => listedRules(remaining.get(chain) ?? '', chain).length === 0);
    if (!empty) return forwardedTo;
    for (const { table, chain, from } of KVMKIT_CHAINS) {
      if (!remaining.has(chain)) continue;
      while (await this.#succeeds(['-t', table, '-C', from, '-j', chain])) await this.#run(['-t', table, '-D', from, '-j', chain], 'releasePorts');
      await this.#run(['-t', table, '-X', chain], 'releasePorts');
    }
    return forwardedTo;
  }

  /** `iptables -S` of each of kvmkit's chains that exists. */
  async #listings(): Promise<Map<string, string>> {
    const listings = new Map<string, string>();
    for (const { table, chain } of KVMKIT_CHAINS) {
      try {
        listings.set(chain, (await execFileAsync(this.#iptables, ['-w', '-t', table, '-S', chain])).stdout);
      } catch {
        // The chain does not exist (yet, or any more).
      }
    }
    return listings;
  }

  async #removeOwned(owner: string, listings: Map<string, string>): Promise<void> {
    for (const { table, chain } of KVMKIT_CHAINS) {
      for (const rule of listedRules(listings.get(chain) ?? '', chain)) {
        if (rule.owner === owner) await this.#run(['-t', table, '-D', chain, ...rule.args], 'releasePorts');
      }
    }
  }

  async #allPresent(rules: readonly FirewallRule[]): Promise<boolean> {
    for (const rule of rules) if (!(await this.#succeeds(['-t', rule.table, '-C', rule.chain, ...rule.args]))) return false;
    return true;
  }

  /**
   * Creates kvmkit's chains and jumps to them. FORWARD's jump must come first: libvirt's own
   * FORWARD chains reject new connections into a NAT network, so it is moved back to the top
   * when something was inserted ahead of it.
   */
  async #ensureChains(): Promise<void> {
    for (const { table, chain, from } of KVMKIT_CHAINS) {
      if (!(await this.#succeeds(['-t', table, '-S', chain]))) await this.#createChain(table, chain);
      const listing = (await execFileAsync(this.#iptables, ['-w', '-t', table, '-S', from])).stdout;
      const first = listing.split('\n').find((line) => line.startsWith(`-A ${from} `));
      if (first === `-A ${from} -j ${chain}`) continue;
      if (await this.#succeeds(['-t', table, '-C', from, '-j', chain])) await this.#run(['-t', table, '-D', from, '-j', chain], 'forwardPorts');
      await this.#run(['-t', table, '-I', from, '1', '-j', chain], 'forwardPorts');
    }
  }

  /**
   * `-N` that accepts a chain someone else created since we looked (another kvmkit process, or
   * a run that died half-way): iptables then says "Chain already exists".
   */
  async #createChain(table: string, chain: string): Promise<void> {
    try {
      await execFileAsync(this.#iptables, ['-w', '-t', table, '-N', chain]);
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
      if (/already exists/i.test(stderr)) return;
      throw domainManagerError('HOST_OPERATION_FAILED', `forwardPorts: \`${this.#iptables} -w -t ${table} -N ${chain}\` failed: ${stderr.trim()}`, { path: 'forwardPorts' }, error);
    }
  }

  async #succeeds(args: string[]): Promise<boolean> {
    try {
      await execFileAsync(this.#iptables, ['-w', ...args]);
      return true;
    } catch {
      return false;
    }
  }

  async #run(args: string[], operation: 'forwardPorts' | 'releasePorts'): Promise<void> {
    try {
      await execFileAsync(this.#iptables, ['-w', ...args]);
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
      throw domainManagerError('HOST_OPERATION_FAILED', `${operation}: \`${this.#iptables} -w ${args.join(' ')}\` failed: ${stderr.trim()}`, { path: operation }, error);
    }
  }
}
