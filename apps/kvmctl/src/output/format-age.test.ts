import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration } from './format-age.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45 * SECOND, '45s'],
    [119 * SECOND + 999, '119s'],
    [2 * MINUTE, '2m'],
    [5 * MINUTE + 30 * SECOND, '5m30s'],
    [12 * MINUTE + 59 * SECOND, '12m'],
    [179 * MINUTE, '179m'],
    [3 * HOUR, '3h'],
    [5 * HOUR + 20 * MINUTE, '5h20m'],
    [47 * HOUR + 59 * MINUTE, '47h'],
    [2 * DAY, '2d'],
    [3 * DAY + 4 * HOUR, '3d4h'],
    [400 * DAY, '400d'],
    [2 * 365 * DAY + 10 * DAY, '2y10d'],
    [9 * 365 * DAY, '9y'],
  ])('formats %i ms as %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });

  it('reads up to a second in the future as clock skew and more as invalid', () => {
    expect(formatDuration(-1500)).toBe('0s');
    expect(formatDuration(-2000)).toBe('<invalid>');
  });
});

describe('formatAge', () => {
  const now = new Date('2026-12-07T12:00:00.000Z');

  it('measures from the ISO-8601 creation time to now', () => {
    expect(formatAge('2026-12-07T11:59:15.000Z', now)).toBe('45s');
    expect(formatAge('2026-12-05T12:00:00.000Z', now)).toBe('2d');
  });

  it('shows - when the creation time is unknown or unreadable', () => {
    expect(formatAge(undefined, now)).toBe('-');
    expect(formatAge('yesterday-ish', now)).toBe('-');
  });
});
