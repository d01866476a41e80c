const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** `big` then `small` units, dropping a zero remainder: `5m`, `5m30s`. */
function pair(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${String(big)}${bigUnit}` : `${String(big)}${bigUnit}${String(small)}${smallUnit}`;
}

/**
 * A duration the way kubectl's AGE column shows it: exact seconds under two minutes, then
 * coarser units with a second unit only while it still matters (`45s`, `5m30s`, `12m`, `3h`,
 * `5h20m`, `2d`, `3d4h`, `400d`, `2y10d`). Up to a second in the future is clock skew and reads as
 * `0s`; further in the future is `<invalid>`.
 */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${String(seconds)}s`;
  const minutes = Math.trunc(milliseconds / MINUTE);
  if (minutes < 10) return pair(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${String(minutes)}m`;
  const hours = Math.trunc(milliseconds / HOUR);
  if (hours < 8) return pair(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${String(hours)}h`;
  const days = Math.trunc(milliseconds / DAY);
  if (hours < 8 * 24) return pair(days, 'd', hours % 24, 'h');
  if (days < 2 * 365) return `${String(days)}d`;
  const years = Math.trunc(milliseconds / YEAR);
  if (days < 8 * 365) return pair(years, 'y', days % 365, 'd');
  return `${String(years)}y`;
}

/** The AGE of something created at `createdAt` (ISO-8601), seen at `now`; `-` when unknown or unreadable. */
export function formatAge(createdAt: string | undefined, now: Date): string {
  const created = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
  return Number.isNaN(created) ? '-' : formatDuration(now.getTime() - created);
}
