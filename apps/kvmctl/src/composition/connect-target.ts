import { libvirtdAnswers, startLibvirtd } from '@kvmkit/private-libvirtd';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the system libvirtd listens (`qemu:///system`). */
export const SYSTEM_SOCKET = '/run/libvirt/libvirt-sock';

/** Which libvirt kvmctl talks to, and why, for `--debug` and error messages. */
export interface ConnectTarget {
  uri: string;
  reason: string;
}

/**
 * Like virsh: `--connect`, else `LIBVIRT_DEFAULT_URI`, else the system daemon when its socket
 * answers, else kvmkit's own private libvirtd, started once and left running under the user's
 * state directory (the embedded default).
 */
export async function resolveConnectTarget(connectFlag: string | undefined, stateDirectory: string, env: NodeJS.ProcessEnv = process.env, systemSocket = SYSTEM_SOCKET): Promise<ConnectTarget> {
  if (connectFlag !== undefined) return { uri: connectFlag, reason: '--connect' };
  const fromEnvironment = env.LIBVIRT_DEFAULT_URI;
  if (fromEnvironment !== undefined && fromEnvironment !== '') return { uri: fromEnvironment, reason: 'LIBVIRT_DEFAULT_URI' };
  if (existsSync(systemSocket) && (await libvirtdAnswers(systemSocket))) {
    // The URI names the socket that answered, unless it is the one qemu:///system means anyway.
    const uri = systemSocket === SYSTEM_SOCKET ? 'qemu:///system' : `qemu+unix:///system?socket=${encodeURIComponent(systemSocket)}`;
    return { uri, reason: 'the system libvirtd answers' };
  }
  const daemon = await startLibvirtd({ baseDir: join(stateDirectory, 'libvirtd'), persistent: true });
  return { uri: daemon.uri, reason: `kvmkit's private libvirtd in ${daemon.layout.baseDir}` };
}
