/** `spec.domain.devices.disks[1].disk.bus` → `['spec', 'domain', 'devices', 'disks', 1, 'disk', 'bus']`. */
export function splitFieldPath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}
