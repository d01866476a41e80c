import type { Domain, ScaledInteger } from '@kvmkit/domain-xml';

const BYTES_PER_UNIT: Record<string, bigint> = {
  b: 1n, bytes: 1n, k: 1024n, KiB: 1024n, KB: 1000n, M: 1024n ** 2n, MiB: 1024n ** 2n, MB: 1000n ** 2n, G: 1024n ** 3n, GiB: 1024n ** 3n, GB: 1000n ** 3n, T: 1024n ** 4n, TiB: 1024n ** 4n,
};

/** A libvirt size as Kubernetes writes it (`256Mi`); libvirt's default unit is KiB. */
export function formatSize(size: ScaledInteger | undefined): string {
  if (size === undefined) return '-';
  const bytes = BigInt(size.value) * (BYTES_PER_UNIT[size.unit ?? 'KiB'] ?? 1024n);
  for (const [suffix, factor] of [['Gi', 1024n ** 3n], ['Mi', 1024n ** 2n], ['Ki', 1024n]] as const) {
    if (bytes >= factor && bytes % factor === 0n) return `${String(bytes / factor)}${suffix}`;
  }
  return String(bytes);
}

/** The spec lines of `kvmctl describe`: vCPUs, memory, disks and interfaces of the live domain. */
export function describeDomainSpec(domain: Domain): string[] {
  const vcpu = domain.vcpu;
  const topology = domain.cpu?.topology;
  const lines = [
    `Domain:      ${domain.name} (type ${domain.type})`,
    `vCPUs:       ${vcpu === undefined ? '-' : `${String(vcpu.current ?? vcpu.value)} of ${String(vcpu.value)}`}${topology === undefined ? '' : ` (sockets ${String(topology.sockets ?? 1)}, cores ${String(topology.cores ?? 1)}, threads ${String(topology.threads ?? 1)})`}`,
    `Memory:      ${formatSize(domain.currentMemory ?? domain.memory)}${domain.maxMemory === undefined ? '' : ` (max ${formatSize(domain.maxMemory)})`}`,
  ];
  const disks = domain.devices?.disks ?? [];
  lines.push(`Disks:       ${disks.length === 0 ? 'none' : ''}`.trimEnd());
  for (const disk of disks) {
    const source = disk.source?.file ?? disk.source?.dev ?? disk.source?.dir ?? disk.source?.volume ?? '-';
    lines.push(`  ${disk.target.dev}  ${disk.device ?? 'disk'}  bus=${disk.target.bus ?? '-'}  format=${disk.driver?.type ?? '-'}  source=${source}`);
  }
  const interfaces = domain.devices?.interfaces ?? [];
  lines.push(`Interfaces:  ${interfaces.length === 0 ? 'none' : ''}`.trimEnd());
  for (const entry of interfaces) {
    const source = entry.source?.network ?? entry.source?.bridge ?? entry.source?.dev ?? '-';
    lines.push(`  ${entry.alias?.name ?? '?'}  type=${entry.type}  model=${entry.model?.type ?? '-'}  mac=${entry.mac?.address ?? '-'}  source=${source}`);
  }
  return lines;
}
