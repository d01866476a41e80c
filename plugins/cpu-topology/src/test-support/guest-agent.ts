import type { Domain, LibvirtConnection } from '@kvmkit/libvirt-rpc';

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Waits until qemu-ga in the guest answers a ping. */
export async function waitForAgent(connection: LibvirtConnection, domain: Domain, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await connection.qemuDomainAgentCommand(domain, '{"execute":"guest-ping"}', 5);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

/** Sends one agent command and parses its JSON reply. */
async function agentCall<Reply>(connection: LibvirtConnection, domain: Domain, command: object): Promise<Reply> {
  const reply = await connection.qemuDomainAgentCommand(domain, JSON.stringify(command), 30);
  if (reply === null) throw new Error('the guest agent gave no reply');
  return JSON.parse(reply) as Reply;
}

interface ExecStatus { return: { exited: boolean; exitcode?: number; 'out-data'?: string } }

/** Runs a program in the guest through qemu-ga (guest-exec) and returns what it printed. */
export async function guestOutput(connection: LibvirtConnection, domain: Domain, path: string, args: string[]): Promise<string> {
  const started = await agentCall<{ return: { pid: number } }>(connection, domain, { execute: 'guest-exec', arguments: { path, arg: args, 'capture-output': true } });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await agentCall<ExecStatus>(connection, domain, { execute: 'guest-exec-status', arguments: { pid: started.return.pid } });
    if (status.return.exited) {
      if (status.return.exitcode !== 0) throw new Error(`${path} ${args.join(' ')} exited with ${String(status.return.exitcode)}`);
      return Buffer.from(status.return['out-data'] ?? '', 'base64').toString('utf8');
    }
    if (Date.now() > deadline) throw new Error(`${path} did not finish in the guest`);
    await sleep(300);
  }
}
