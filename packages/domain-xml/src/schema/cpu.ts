import type { Cpu, CpuCache, CpuFeature, CpuModel, CpuNuma, CpuTopology, NumaCacheValue, NumaCell, NumaCellCache, NumaDistance, NumaDistances, NumaInterconnect, NumaInterconnects } from '../model/cpu.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { integerAttribute, onOffAttribute, stringAttribute, stringElement, stringText, yesNoAttribute } from './fields.ts';

const modelSpec = defineElement<CpuModel>({ fallback: stringAttribute('fallback'), vendorId: stringAttribute('vendor_id'), value: stringText() });

const topologySpec = defineElement<CpuTopology>({
  sockets: integerAttribute('sockets'),
  dies: integerAttribute('dies'),
  clusters: integerAttribute('clusters'),
  cores: integerAttribute('cores'),
  threads: integerAttribute('threads'),
});

const featureSpec = defineElement<CpuFeature>({ policy: stringAttribute('policy'), name: stringAttribute('name') });
const cacheSpec = defineElement<CpuCache>({ level: integerAttribute('level'), mode: stringAttribute('mode') });
const distanceSpec = defineElement<NumaDistance>({ id: integerAttribute('id'), value: integerAttribute('value') });
const distancesSpec = defineElement<NumaDistances>({ siblings: list('sibling', distanceSpec) });
const cacheValueSpec = defineElement<NumaCacheValue>({ value: integerAttribute('value'), unit: stringAttribute('unit') });

const cellCacheSpec = defineElement<NumaCellCache>({
  level: integerAttribute('level'),
  associativity: stringAttribute('associativity'),
  policy: stringAttribute('policy'),
  size: child('size', cacheValueSpec),
  line: child('line', cacheValueSpec),
});

const cellSpec = defineElement<NumaCell>({
  id: integerAttribute('id'),
  cpus: stringAttribute('cpus'),
  memory: integerAttribute('memory'),
  unit: stringAttribute('unit'),
  memAccess: stringAttribute('memAccess'),
  discard: yesNoAttribute('discard'),
  distances: child('distances', distancesSpec),
  caches: list('cache', cellCacheSpec),
});

const interconnectSpec = defineElement<NumaInterconnect>({
  initiator: integerAttribute('initiator'),
  target: integerAttribute('target'),
  cache: integerAttribute('cache'),
  type: stringAttribute('type'),
  value: integerAttribute('value'),
  unit: stringAttribute('unit'),
});

const interconnectsSpec = defineElement<NumaInterconnects>({
  latencies: list('latency', interconnectSpec),
  bandwidths: list('bandwidth', interconnectSpec),
});

const numaSpec = defineElement<CpuNuma>({ cells: list('cell', cellSpec), interconnects: child('interconnects', interconnectsSpec) });

export const cpuSpec = defineElement<Cpu>({
  mode: stringAttribute('mode'),
  match: stringAttribute('match'),
  check: stringAttribute('check'),
  migratable: onOffAttribute('migratable'),
  model: child('model', modelSpec),
  vendor: stringElement('vendor'),
  topology: child('topology', topologySpec),
  cache: child('cache', cacheSpec),
  features: list('feature', featureSpec),
  numa: child('numa', numaSpec),
});
