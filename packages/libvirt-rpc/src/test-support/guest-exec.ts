// Runs shell commands in the tiny guest through qemu-ga's guest-exec / guest-exec-status, so a
// test can act inside the guest and read what happened there.
import type { LibvirtConnection } from '../connection/libvirt-connection.ts';
import type { Domain } from '../protocol/remote-types.ts';

export interface GuestExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

interface ExecStatus {
  exited: boolean;
  exitcode?: number;
  'out-data'?: string;
  'err-data'?: string;
}

async function agent<T>(connection: LibvirtConnection, guest: Domain, command: object): Promise<T> {
  const reply = await connection.qemuDomainAgentCommand(guest, JSON.stringify(command), 30);
  if (reply === null) throw new Error(`guest agent: no reply to ${JSON.stringify(command)}`);
  return (JSON.parse(reply) as { return: T }).return;
}

/** Pings qemu-ga until it answers (it starts a moment after the guest's ready line), or throws its last error. */
export async function waitForGuestAgent(connection: LibvirtConnection, guest: Domain, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await connection.qemuDomainAgentCommand(guest, '{"execute":"guest-ping"}', 5);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Starts `/bin/sh -c command` in the guest without waiting for it; returns the guest PID. */
export async function startGuestCommand(connection: LibvirtConnection, guest: Domain, command: string): Promise<number> {
  const started = await agent<{ pid: number }>(connection, guest, { execute: 'guest-exec', arguments: { path: '/bin/sh', arg: ['-c', command], 'capture-output': true } });
  return started.pid;
}

/** Waits until the guest command `pid` has exited (polling every 200 ms) and returns its output. */
export async function waitForGuestCommand(connection: LibvirtConnection, guest: Domain, pid: number, timeoutMs = 30_000): Promise<GuestExecResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await agent<ExecStatus>(connection, guest, { execute: 'guest-exec-status', arguments: { pid } });
    if (status.exited) {
      const decode = (data: string | undefined): string => Buffer.from(data ?? '', 'base64').toString('utf8');
      return { exitCode: status.exitcode ?? -1, stdout: decode(status['out-data']), stderr: decode(status['err-data']) };
    }
    if (Date.now() > deadline) throw new Error(`guest command ${pid} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `/bin/sh -c command` in the guest to its end; fails unless it exits with 0. Returns its standard output. */
export async function guestShell(connection: LibvirtConnection, guest: Domain, command: string): Promise<string> {
  const result = await waitForGuestCommand(connection, guest, await startGuestCommand(connection, guest, command));
  if (result.exitCode !== 0) throw new Error(`guest command failed with ${result.exitCode}: ${command}: ${result.stderr}`);
  return result.stdout;
}
