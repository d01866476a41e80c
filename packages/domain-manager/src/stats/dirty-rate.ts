import type { DirtyRate } from '@kvmkit/core';
import { DirtyRateCalcMode, DirtyRateStatus, DomainStatsType, typedParamsToRecord, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { setTimeout as delay } from 'node:timers/promises';

/** The calculation periods libvirt and QEMU accept for one measurement, in seconds. */
export const DIRTY_RATE_PERIOD_SECONDS = { minimum: 1, maximum: 60 } as const;

/** How long after the period a result may still take (QEMU hashes the sampled pages at the end) before we give up. */
const RESULT_MARGIN_MS = 10_000;
const POLL_INTERVAL_MS = 200;

export interface DirtyRateTiming {
  /** Give up this long after starting; default the period plus 10 s. */
  timeoutMs?: number;
  /** Between two reads of the stats once the period has passed; default 200 ms. */
  pollIntervalMs?: number;
}

/** Throws `INVALID_REQUEST` naming the argument unless the period is a whole number of seconds in 1…60. */
export function checkDirtyRatePeriod(calculationPeriodSeconds: number, vmi: string): void {
  const { minimum, maximum } = DIRTY_RATE_PERIOD_SECONDS;
  if (!Number.isInteger(calculationPeriodSeconds) || calculationPeriodSeconds < minimum || calculationPeriodSeconds > maximum) {
    throw domainManagerError('INVALID_REQUEST', `calculationPeriodSeconds: must be a whole number of seconds from ${minimum} to ${maximum}, got ${calculationPeriodSeconds}`, { vmi, path: 'calculationPeriodSeconds' });
  }
}

/** The DIRTYRATE stats of the domain: `dirtyrate.calc_status`, `calc_period`, `megabytes_per_second`, … */
async function readDirtyRateStats(connection: LibvirtConnection, domain: Domain): Promise<ReturnType<typeof typedParamsToRecord>> {
  const [record] = await connection.connectGetAllDomainStats([domain], DomainStatsType.DIRTYRATE);
  return typedParamsToRecord(record?.params ?? []);
}

/**
 * Measures how fast the guest dirties its memory: starts libvirt's dirty-rate calculation in
 * QEMU's page-sampling mode (works under KVM and TCG), then reads the DIRTYRATE stats until
 * the calculation is measured. QEMU marks a started calculation as measuring before the start
 * call returns, so the first `measured` seen afterwards is this calculation's. Rejects with
 * `OPERATION_TIMEOUT` when no result comes within the period plus a margin.
 */
export async function measureDirtyRate(connection: LibvirtConnection, domain: Domain, vmi: string, calculationPeriodSeconds: number, timing: DirtyRateTiming = {}): Promise<DirtyRate> {
  checkDirtyRatePeriod(calculationPeriodSeconds, vmi);
  const timeoutMs = timing.timeoutMs ?? calculationPeriodSeconds * 1000 + RESULT_MARGIN_MS;
  const deadline = Date.now() + timeoutMs;
  await connection.domainStartDirtyRateCalc(domain, calculationPeriodSeconds, DirtyRateCalcMode.PAGE_SAMPLING);
  // Nothing can be measured before the period has passed.
  await delay(Math.min(calculationPeriodSeconds * 1000, timeoutMs));
  for (;;) {
    const stats = await readDirtyRateStats(connection, domain);
    const rate = stats['dirtyrate.megabytes_per_second'];
    if (stats['dirtyrate.calc_status'] === DirtyRateStatus.MEASURED && rate !== undefined) {
      return { megabytesPerSecond: Number(rate), calculationPeriodSeconds: Number(stats['dirtyrate.calc_period'] ?? calculationPeriodSeconds) };
    }
    if (Date.now() >= deadline) {
      throw domainManagerError('OPERATION_TIMEOUT', `dirty rate calculation for ${vmi} (a ${calculationPeriodSeconds} s period) had no result within ${timeoutMs} ms; calc_status is ${String(stats['dirtyrate.calc_status'] ?? 'absent')}`, { vmi });
    }
    await delay(timing.pollIntervalMs ?? POLL_INTERVAL_MS);
  }
}
