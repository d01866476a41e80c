import { tryParseQuantity } from '../quantity/parse-quantity.ts';
import { quantityToBytes } from '../quantity/quantity-to-bytes.ts';
import type { DomainSpec } from '../types.ts';

/** CPU request copied from the limit (KubeVirt: setDefaultResourceRequests). */
export function defaultCpuRequest(domain: DomainSpec): void {
  const resources = domain.resources;
  const limit = resources?.limits?.cpu;
  if (resources === undefined || limit === undefined || isZeroQuantity(limit)) return;
  const request = resources.requests?.cpu;
  if (request !== undefined && !isZeroQuantity(request)) return;
  resources.requests = { ...resources.requests, cpu: limit };
}

/**
 * Guest topology. With nothing set, KubeVirt puts the CPU limit (else request), rounded up, into
 * sockets and sets cores and threads to 1 (SetDefaultGuestCPUTopology). With some set, the others
 * are 1, as virt-launcher's converter reads them (vcpu.go).
 */
export function defaultCpuTopology(domain: DomainSpec, cpuModel: string): void {
  const cpu = (domain.cpu ??= {});
  if (!cpu.cores && !cpu.sockets && !cpu.threads) {
    const vcpus = domain.resources?.limits?.cpu ?? domain.resources?.requests?.cpu;
    cpu.sockets = vcpus === undefined ? 1 : Math.max(1, wholeUnits(vcpus));
    cpu.cores = 1;
    cpu.threads = 1;
  } else {
    cpu.sockets ||= 1;
    cpu.cores ||= 1;
    cpu.threads ||= 1;
  }
  if (!cpu.model) cpu.model = cpuModel;
}

function wholeUnits(value: string): number {
  const parsed = tryParseQuantity(value);
  return parsed.ok ? Number(quantityToBytes(parsed.quantity)) : 1;
}

function isZeroQuantity(value: string): boolean {
  const parsed = tryParseQuantity(value);
  return parsed.ok && parsed.quantity.nanos === 0n;
}
