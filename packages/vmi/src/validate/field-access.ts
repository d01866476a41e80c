/** Defensive reading of a VMI that may not match its type: every accessor checks what it finds. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `keys` below `root`, or undefined when any step is missing or not an object. */
export function objectAt(root: unknown, ...keys: string[]): JsonObject | undefined {
  let current: unknown = root;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return isObject(current) ? current : undefined;
}

export interface ListEntry {
  readonly item: JsonObject;
  readonly index: number;
  /** Field path of the entry, e.g. `spec.domain.devices.disks[2]`. */
  readonly path: string;
}

/** The object entries of the list at `keys` (non-objects are the structure rule's business). */
export function listAt(root: unknown, ...keys: string[]): ListEntry[] {
  const parent = objectAt(root, ...keys.slice(0, -1));
  const list = parent?.[keys[keys.length - 1] ?? ''];
  if (!Array.isArray(list)) return [];
  const base = keys.join('.');
  const entries: ListEntry[] = [];
  list.forEach((item: unknown, index) => {
    if (isObject(item)) entries.push({ item, index, path: `${base}[${index}]` });
  });
  return entries;
}

export function stringAt(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' ? value : undefined;
}

export const DISKS = ['spec', 'domain', 'devices', 'disks'] as const;
export const INTERFACES = ['spec', 'domain', 'devices', 'interfaces'] as const;
export const FILESYSTEMS = ['spec', 'domain', 'devices', 'filesystems'] as const;
export const VOLUMES = ['spec', 'volumes'] as const;
export const NETWORKS = ['spec', 'networks'] as const;
