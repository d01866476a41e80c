import type { VmiCondition, VmiPhase } from '@kvmkit/core';

// virDomainState values and the reasons that matter for a VMI's phase.
const STATE_NAMES = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'] as const;
const REASONS: Record<string, readonly string[]> = {
  running: ['unknown', 'booted', 'migrated', 'restored', 'from-snapshot', 'unpaused', 'migration-canceled', 'save-canceled', 'wakeup', 'crashed', 'postcopy', 'postcopy-failed'],
  blocked: ['unknown'],
  paused: ['unknown', 'user', 'migration', 'save', 'dump', 'ioerror', 'watchdog', 'from-snapshot', 'shutting-down', 'snapshot', 'crashed', 'starting-up', 'postcopy', 'postcopy-failed', 'api-error'],
  shutdown: ['unknown', 'user'],
  shutoff: ['unknown', 'shutdown', 'destroyed', 'crashed', 'migrated', 'saved', 'failed', 'from-snapshot', 'daemon'],
  crashed: ['unknown', 'panicked'],
  pmsuspended: ['unknown'],
  nostate: ['unknown'],
};

export interface NamedState {
  state: string;
  reason: string;
}

/** libvirt's numeric state and reason as the names virsh uses (`paused` / `user`). */
export function nameState(state: number, reason: number): NamedState {
  const name = STATE_NAMES[state] ?? `state-${state}`;
  return { state: name, reason: REASONS[name]?.[reason] ?? `reason-${reason}` };
}

/** Whether the domain was paused by the user (virsh suspend, our pause) rather than by QEMU. */
export function isUserPause({ state, reason }: NamedState): boolean {
  return state === 'paused' && reason === 'user';
}

/**
 * The VMI phase for a domain state, as virt-handler derives it: running and paused domains are
 * Running; a domain that shut down or was destroyed on request has Succeeded; one that crashed
 * or whose QEMU died has Failed; a defined domain that never ran is Scheduled.
 */
export function phaseFor({ state, reason }: NamedState, everStarted: boolean): VmiPhase {
  switch (state) {
    case 'running':
    case 'blocked':
    case 'paused':
    case 'shutdown':
    case 'pmsuspended':
      return 'Running';
    case 'crashed':
      return 'Failed';
    case 'shutoff':
      if (reason === 'crashed' || reason === 'failed' || reason === 'daemon') return 'Failed';
      if (reason === 'unknown') return everStarted ? 'Succeeded' : 'Scheduled';
      return 'Succeeded';
    default:
      return 'Unknown';
  }
}

/** The Paused condition, when paused, with libvirt's reason (`PausedUser`, `PausedIOError`, …). */
export function pausedCondition({ state, reason }: NamedState): VmiCondition | undefined {
  if (state !== 'paused') return undefined;
  const label = reason.split('-').map((part) => (part === 'ioerror' ? 'IOError' : part.charAt(0).toUpperCase() + part.slice(1))).join('');
  return { type: 'Paused', status: 'True', reason: `Paused${label}`, message: `paused by ${reason}` };
}
