import type { GuestAgentInfo, GuestExecResult, GuestFilesystem, GuestInterface, GuestOsInfo, GuestUser } from '@kvmkit/core';
import type { Domain, LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { agentError } from './agent-errors.ts';

type AgentConnection = LibvirtConnection;

/** A JSON value as the guest agent returns it. */
type AgentValue = Record<string, unknown>;

function record(value: unknown): AgentValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AgentValue) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * QEMU guest agent commands for one domain, each bounded: the agent gets `timeoutSeconds`
 * (libvirt's own agent timeout) and the RPC call a few seconds more, so an absent or silent
 * agent ends as a typed error, never as a hang.
 */
export class GuestAgent {
  constructor(
    private readonly connection: AgentConnection,
    private readonly domain: Domain,
    private readonly vmi: string,
    private readonly timeoutSeconds: number,
  ) {}

  /** Runs one agent command and returns its `return` member. */
  async command(name: string, args?: AgentValue, timeoutSeconds = this.timeoutSeconds): Promise<unknown> {
    const request = JSON.stringify(args === undefined ? { execute: name } : { execute: name, arguments: args });
    let reply: string | null;
    try {
      reply = await this.connection.qemuDomainAgentCommand(this.domain, request, timeoutSeconds, 0, { timeoutMs: (timeoutSeconds + 5) * 1000 });
    } catch (error) {
      throw agentError(error, this.vmi, name);
    }
    if (reply === null) return undefined;
    const parsed = record(JSON.parse(reply));
    if ('error' in parsed) {
      const description = optionalString(record(parsed.error).desc) ?? JSON.stringify(parsed.error);
      throw domainManagerError('AGENT_COMMAND_FAILED', `guest agent of ${this.vmi} failed '${name}': ${description}`, { vmi: this.vmi, command: name });
    }
    return parsed.return;
  }

  async ping(): Promise<void> {
    await this.command('guest-ping');
  }

  async info(): Promise<GuestAgentInfo> {
    const result = record(await this.command('guest-info'));
    const commands = list(result.supported_commands).map(record).filter((entry) => entry.enabled !== false);
    return { version: optionalString(result.version) ?? '', supportedCommands: commands.map((entry) => optionalString(entry.name)).filter((name): name is string => name !== undefined) };
  }

  async osInfo(): Promise<GuestOsInfo> {
    const result = record(await this.command('guest-get-osinfo'));
    const info: GuestOsInfo = {};
    const fields: [keyof GuestOsInfo, string][] = [
      ['id', 'id'], ['name', 'name'], ['prettyName', 'pretty-name'], ['version', 'version'], ['versionId', 'version-id'],
      ['kernelRelease', 'kernel-release'], ['kernelVersion', 'kernel-version'], ['machine', 'machine'],
    ];
    for (const [key, wire] of fields) {
      const value = optionalString(result[wire]);
      if (value !== undefined) info[key] = value;
    }
    return info;
  }

  async users(): Promise<GuestUser[]> {
    return list(await this.command('guest-get-users')).map(record).map((user) => ({
      name: optionalString(user.user) ?? '',
      ...(typeof user.domain === 'string' ? { domain: user.domain } : {}),
      ...(typeof user['login-time'] === 'number' ? { loginTime: user['login-time'] } : {}),
    }));
  }

  async filesystems(): Promise<GuestFilesystem[]> {
    return list(await this.command('guest-get-fsinfo')).map(record).map((fs) => ({
      mountPoint: optionalString(fs.mountpoint) ?? '',
      name: optionalString(fs.name) ?? '',
      type: optionalString(fs.type) ?? '',
      ...(typeof fs['used-bytes'] === 'number' ? { usedBytes: BigInt(fs['used-bytes']) } : {}),
      ...(typeof fs['total-bytes'] === 'number' ? { totalBytes: BigInt(fs['total-bytes']) } : {}),
      disks: list(fs.disk).map(record).map((disk) => optionalString(disk.dev) ?? optionalString(disk.serial) ?? '').filter((name) => name !== ''),
    }));
  }

  async interfaces(): Promise<GuestInterface[]> {
    return list(await this.command('guest-network-get-interfaces')).map(record).map((nic) => ({
      name: optionalString(nic.name) ?? '',
      ...(typeof nic['hardware-address'] === 'string' ? { mac: nic['hardware-address'] } : {}),
      addresses: list(nic['ip-addresses']).map(record).map((address) => ({
        type: address['ip-address-type'] === 'ipv6' ? ('ipv6' as const) : ('ipv4' as const),
        address: optionalString(address['ip-address']) ?? '',
        prefix: typeof address.prefix === 'number' ? address.prefix : 0,
      })),
    }));
  }

  async hostname(): Promise<string> {
    return optionalString(record(await this.command('guest-get-host-name'))['host-name']) ?? '';
  }

  async timezone(): Promise<{ zone?: string; offsetSeconds: number }> {
    const result = record(await this.command('guest-get-timezone'));
    return { ...(typeof result.zone === 'string' ? { zone: result.zone } : {}), offsetSeconds: typeof result.offset === 'number' ? result.offset : 0 };
  }

  /** guest-exec, then guest-exec-status until the process exits or `timeoutSeconds` pass. */
  async exec(command: string, args: readonly string[], timeoutSeconds: number, pollIntervalMs = 200): Promise<GuestExecResult> {
    const started = record(await this.command('guest-exec', { path: command, arg: [...args], 'capture-output': true }));
    const pid = started.pid;
    if (typeof pid !== 'number') throw domainManagerError('AGENT_COMMAND_FAILED', `guest agent of ${this.vmi} started '${command}' without a pid`, { vmi: this.vmi });
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      const status = record(await this.command('guest-exec-status', { pid }));
      if (status.exited === true) {
        const decode = (value: unknown): string => (typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : '');
        const exitCode = typeof status.exitcode === 'number' ? status.exitcode : typeof status.signal === 'number' ? 128 + status.signal : -1;
        return { exitCode, stdout: decode(status['out-data']), stderr: decode(status['err-data']) };
      }
      if (Date.now() >= deadline) {
        throw domainManagerError('AGENT_TIMEOUT', `'${command}' in the guest of ${this.vmi} did not exit within ${timeoutSeconds} s (guest pid ${pid})`, { vmi: this.vmi, command: 'guest-exec' });
      }
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
  }

  async setUserPassword(user: string, password: string): Promise<void> {
    try {
      await this.connection.domainSetUserPassword(this.domain, user, password, 0, { timeoutMs: (this.timeoutSeconds + 5) * 1000 });
    } catch (error) {
      throw agentError(error, this.vmi, 'guest-set-user-password');
    }
  }
}
