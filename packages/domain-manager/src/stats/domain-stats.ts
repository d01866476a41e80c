import type { DomainStats } from '@kvmkit/core';
import { DomainStatsType, typedParamsToRecord, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';

/** The stats groups `DomainStats` is made of. */
const STATS_TYPES = DomainStatsType.STATE | DomainStatsType.CPU_TOTAL | DomainStatsType.BALLOON | DomainStatsType.VCPU | DomainStatsType.INTERFACE | DomainStatsType.BLOCK;

type StatsValues = ReturnType<typeof typedParamsToRecord>;

/** Reads the domain's stats from libvirt (get-all-domain-stats) as typed `DomainStats`. */
export async function readDomainStats(connection: LibvirtConnection, domain: Domain): Promise<DomainStats> {
  const [record] = await connection.connectGetAllDomainStats([domain], STATS_TYPES);
  return domainStatsOf(typedParamsToRecord(record?.params ?? []));
}

/** libvirt's flat stats (`cpu.time`, `balloon.current`, `block.0.rd.bytes`, …) as `DomainStats`. */
function domainStatsOf(values: StatsValues): DomainStats {
  const big = (key: string): bigint | undefined => {
    const value = values[key];
    return typeof value === 'bigint' ? value : typeof value === 'number' ? BigInt(value) : undefined;
  };
  const num = (key: string): number => Number(values[key] ?? 0);
  const stats: DomainStats = {};
  const cpuTime = big('cpu.time');
  if (cpuTime !== undefined) stats.cpuTimeNs = cpuTime;
  const memory = Object.fromEntries(
    ([['actualKiB', 'balloon.current'], ['availableKiB', 'balloon.available'], ['unusedKiB', 'balloon.unused'], ['rssKiB', 'balloon.rss']] as const)
      .map(([name, key]) => [name, big(key)] as const).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(memory).length > 0) stats.memory = memory;
  if (values['vcpu.current'] !== undefined) stats.vcpus = { current: num('vcpu.current'), maximum: num('vcpu.maximum') };
  stats.block = Array.from({ length: num('block.count') }, (_, index) => ({
    name: String(values[`block.${index}.name`] ?? ''),
    readBytes: big(`block.${index}.rd.bytes`) ?? 0n,
    writeBytes: big(`block.${index}.wr.bytes`) ?? 0n,
    ...(big(`block.${index}.capacity`) === undefined ? {} : { capacityBytes: big(`block.${index}.capacity`) }),
  }));
  stats.interfaces = Array.from({ length: num('net.count') }, (_, index) => ({
    name: String(values[`net.${index}.name`] ?? ''),
    rxBytes: big(`net.${index}.rx.bytes`) ?? 0n,
    txBytes: big(`net.${index}.tx.bytes`) ?? 0n,
  }));
  return stats;
}
