import type { Configurator, ConfiguratorPhase } from '../configurator/v1/configurator.ts';
import { KvmkitError } from '../errors/kvmkit-error.ts';

/** A configurator with the plugin that registered it, in registration order. */
export interface RegisteredConfigurator {
  readonly configurator: Configurator;
  readonly plugin: string;
}

const PHASE_RANK: Record<ConfiguratorPhase, number> = { pre: 0, normal: 1, post: 2 };

const phaseOf = (entry: RegisteredConfigurator): ConfiguratorPhase => entry.configurator.phase ?? 'normal';

function describe(entry: RegisteredConfigurator): string {
  return `'${entry.configurator.name}' (${phaseOf(entry)}, plugin '${entry.plugin}')`;
}

/**
 * Every configurator left unsorted still waits on an unsorted predecessor, so walking
 * predecessors from any of them must revisit a node: that loop is a cycle.
 */
function findCycle(remaining: ReadonlySet<number>, predecessors: readonly number[][], names: readonly string[]): string {
  const path: number[] = [];
  const seenAt = new Map<number, number>();
  let node = remaining.values().next().value ?? 0;
  while (!seenAt.has(node)) {
    seenAt.set(node, path.length);
    path.push(node);
    node = predecessors[node]?.find((previous) => remaining.has(previous)) ?? node;
  }
  const loop = path.slice(seenAt.get(node)).reverse();
  return [...loop, loop[0] ?? node].map((index) => names[index]).join(' → ');
}

/**
 * Orders configurators: by tier (`pre`, `normal`, `post`), then by `before`/`after` constraints,
 * with registration order breaking every tie, so the result is deterministic and stable. Names
 * must be unique. Constraints naming configurators that are not registered are ignored (a slim
 * agent may leave them out); constraints that contradict the tiers or form a cycle are errors.
 */
export function orderConfigurators(entries: readonly RegisteredConfigurator[]): RegisteredConfigurator[] {
  const indexByName = new Map<string, number>();
  entries.forEach((entry, index) => {
    const name = entry.configurator.name;
    const existing = indexByName.get(name);
    if (existing !== undefined) {
      throw new KvmkitError('CONFIGURATOR_DUPLICATE_NAME', `configurator '${name}' is registered twice: by plugin '${entries[existing]?.plugin ?? ''}' and by plugin '${entry.plugin}'`, {
        configurator: name,
        plugin: entry.plugin,
      });
    }
    indexByName.set(name, index);
  });

  const successors: number[][] = entries.map(() => []);
  const predecessors: number[][] = entries.map(() => []);
  const predecessorCount: number[] = entries.map(() => 0);
  const addEdge = (from: number, to: number): void => {
    const [first, second] = [entries[from], entries[to]];
    if (first === undefined || second === undefined) return;
    if (PHASE_RANK[phaseOf(first)] > PHASE_RANK[phaseOf(second)]) {
      throw new KvmkitError('CONFIGURATOR_ORDER_CYCLE', `configurator ${describe(first)} must run before ${describe(second)}, which contradicts their phases`, {
        configurator: first.configurator.name,
        plugin: first.plugin,
      });
    }
    successors[from]?.push(to);
    predecessors[to]?.push(from);
    predecessorCount[to] = (predecessorCount[to] ?? 0) + 1;
  };
  entries.forEach((entry, index) => {
    for (const name of entry.configurator.after ?? []) {
      const other = indexByName.get(name);
      if (other !== undefined) addEdge(other, index);
    }
    for (const name of entry.configurator.before ?? []) {
      const other = indexByName.get(name);
      if (other !== undefined) addEdge(index, other);
    }
  });

  // Kahn's algorithm, always taking the ready configurator of the lowest tier, then the earliest registered.
  const rank = (index: number): number => PHASE_RANK[phaseOf(entries[index] as RegisteredConfigurator)] * entries.length + index;
  const ready = entries.map((_, index) => index).filter((index) => predecessorCount[index] === 0);
  const ordered: RegisteredConfigurator[] = [];
  const remaining = new Set(entries.map((_, index) => index));
  while (ready.length > 0) {
    ready.sort((left, right) => rank(left) - rank(right));
    const next = ready.shift() as number;
    remaining.delete(next);
    ordered.push(entries[next] as RegisteredConfigurator);
    for (const successor of successors[next] ?? []) {
      predecessorCount[successor] = (predecessorCount[successor] ?? 0) - 1;
      if (predecessorCount[successor] === 0) ready.push(successor);
    }
  }
  if (remaining.size > 0) {
    const cycle = findCycle(remaining, predecessors, entries.map((entry) => entry.configurator.name));
    throw new KvmkitError('CONFIGURATOR_ORDER_CYCLE', `configurators' before/after constraints form a cycle: ${cycle}`, { cycle });
  }
  return ordered;
}
