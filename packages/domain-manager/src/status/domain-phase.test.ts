import { describe, expect, it } from 'vitest';
import { nameState, pausedCondition, phaseFor } from './domain-phase.ts';

describe('domain state to VMI phase', () => {
  it.each([
    [1, 1, true, 'Running', 'running/booted'],
    [3, 1, true, 'Running', 'paused/user'],
    [5, 1, true, 'Succeeded', 'shutoff/shutdown'],
    [5, 2, true, 'Succeeded', 'shutoff/destroyed'],
    [5, 3, true, 'Failed', 'shutoff/crashed'],
    [5, 6, true, 'Failed', 'shutoff/failed'],
    [5, 0, false, 'Scheduled', 'shutoff/unknown'],
    [6, 1, true, 'Failed', 'crashed/panicked'],
  ] as const)('state %i reason %i (started before: %s) is %s', (state, reason, everStarted, phase, named) => {
    const name = nameState(state, reason);
    expect(`${name.state}/${name.reason}`).toBe(named);
    expect(phaseFor(name, everStarted)).toBe(phase);
  });

  it('names the Paused condition after the reason', () => {
    expect(pausedCondition(nameState(3, 5))).toMatchObject({ type: 'Paused', status: 'True', reason: 'PausedIOError' });
    expect(pausedCondition(nameState(1, 1))).toBeUndefined();
  });
});
