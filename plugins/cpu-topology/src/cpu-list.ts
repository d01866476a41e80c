/**
 * libvirt's CPU list syntax (`0-3,8,^2`), used by cpusets, NUMA cells and KubeVirt's realtime
 * mask: ranges and single ids separated by commas, `^N` removing an id again.
 */
export function parseCpuList(text: string): number[] | undefined {
  const included = new Set<number>();
  const excluded = new Set<number>();
  for (const rawPart of text.split(',')) {
    const part = rawPart.trim();
    const exclusion = /^\^(\d+)$/.exec(part);
    if (exclusion?.[1] !== undefined) {
      excluded.add(Number(exclusion[1]));
      continue;
    }
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (range?.[1] === undefined) return undefined;
    const first = Number(range[1]);
    const last = range[2] === undefined ? first : Number(range[2]);
    if (last < first) return undefined;
    for (let id = first; id <= last; id++) included.add(id);
  }
  return [...included].filter((id) => !excluded.has(id)).sort((left, right) => left - right);
}

/** The shortest list in libvirt's syntax for these ids: `[0,1,2,5]` → `0-2,5`. */
export function formatCpuList(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((left, right) => left - right);
  const parts: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const id of [...sorted.slice(1), undefined]) {
    if (start === undefined || previous === undefined) break;
    if (id !== undefined && id === previous + 1) {
      previous = id;
      continue;
    }
    parts.push(start === previous ? String(start) : `${String(start)}-${String(previous)}`);
    start = id;
    previous = id;
  }
  return parts.join(',');
}
