// `virDomainEventType` and its per-event `virDomainEvent*DetailType` values, in value order.
const LIFECYCLE_EVENTS = ['DEFINED', 'UNDEFINED', 'STARTED', 'SUSPENDED', 'RESUMED', 'STOPPED', 'SHUTDOWN', 'PMSUSPENDED', 'CRASHED'] as const;
const LIFECYCLE_DETAILS: Record<(typeof LIFECYCLE_EVENTS)[number], readonly string[]> = {
  DEFINED: ['ADDED', 'UPDATED', 'RENAMED', 'FROM_SNAPSHOT'],
  UNDEFINED: ['REMOVED', 'RENAMED'],
  STARTED: ['BOOTED', 'MIGRATED', 'RESTORED', 'FROM_SNAPSHOT', 'WAKEUP'],
  SUSPENDED: ['PAUSED', 'MIGRATED', 'IOERROR', 'WATCHDOG', 'RESTORED', 'FROM_SNAPSHOT', 'API_ERROR', 'POSTCOPY', 'POSTCOPY_FAILED'],
  RESUMED: ['UNPAUSED', 'MIGRATED', 'FROM_SNAPSHOT', 'POSTCOPY', 'POSTCOPY_FAILED'],
  STOPPED: ['SHUTDOWN', 'DESTROYED', 'CRASHED', 'MIGRATED', 'SAVED', 'FAILED', 'FROM_SNAPSHOT'],
  SHUTDOWN: ['FINISHED', 'GUEST', 'HOST'],
  PMSUSPENDED: ['MEMORY', 'DISK'],
  CRASHED: ['PANICKED', 'CRASHLOADED'],
};

export type LifecycleEventName = (typeof LIFECYCLE_EVENTS)[number];

/** `STARTED` for 2; `UNKNOWN_<n>` for values newer than this table. */
export function lifecycleEventName(event: number): LifecycleEventName | `UNKNOWN_${number}` {
  return LIFECYCLE_EVENTS[event] ?? `UNKNOWN_${event}`;
}

/** `BOOTED` for (STARTED, 0); `UNKNOWN_<n>` when not in the table. */
export function lifecycleDetailName(event: number, detail: number): string {
  const eventName = LIFECYCLE_EVENTS[event];
  return (eventName === undefined ? undefined : LIFECYCLE_DETAILS[eventName][detail]) ?? `UNKNOWN_${detail}`;
}

/** `virDomainState` names, indexed by value. */
export const DOMAIN_STATE_NAMES = ['NOSTATE', 'RUNNING', 'BLOCKED', 'PAUSED', 'SHUTDOWN', 'SHUTOFF', 'CRASHED', 'PMSUSPENDED'] as const;
export type DomainStateName = (typeof DOMAIN_STATE_NAMES)[number];
