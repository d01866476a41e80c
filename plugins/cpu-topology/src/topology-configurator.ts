import type { Configurator } from '@kvmkit/core';
import type { VcpuState } from '@kvmkit/domain-xml';
import type { VmiProblem } from '@kvmkit/vmi';
import { CPU_MODE_CONFIGURATOR } from './cpu-mode-configurator.ts';
import type { CpuTopologyOptions } from './options.ts';
import { problem } from './problem.ts';
import { planVcpus } from './vcpu-plan.ts';

export const TOPOLOGY_CONFIGURATOR = 'cpu-topology:topology';

/**
 * Sockets, cores and threads (after any instancetype preference) → `<vcpu>` and
 * `<cpu><topology>`. With `cpu.maxSockets` the domain is defined with the maximum vCPUs and only
 * the current ones enabled (`<vcpu current>`); `<vcpus>` marks the first socket's vCPUs as not
 * hot-pluggable and every later one as hot-pluggable, as KubeVirt does.
 */
export const topologyConfigurator: Configurator<CpuTopologyOptions> = {
  specificationVersion: 'v1',
  name: TOPOLOGY_CONFIGURATOR,
  after: [CPU_MODE_CONFIGURATOR],
  validate(vmi, context) {
    const problems: VmiProblem[] = [];
    const cpu = vmi.spec.domain.cpu;
    const planned = planVcpus(vmi, context.options);
    if (!planned.ok) return [problem(TOPOLOGY_CONFIGURATOR, planned.path, planned.reason)];
    const { plan } = planned;
    const maxSockets = cpu?.maxSockets;
    if (maxSockets !== undefined && maxSockets > 0 && plan.topology.sockets > maxSockets) {
      problems.push(problem(TOPOLOGY_CONFIGURATOR, 'spec.domain.cpu.sockets', `${String(plan.topology.sockets)} sockets is more than spec.domain.cpu.maxSockets (${String(maxSockets)})`));
    }
    const hostMaximum = context.host.maxVcpus;
    if (hostMaximum !== undefined && plan.maximum > hostMaximum) {
      const path = plan.maxSockets === undefined ? 'spec.domain.cpu.sockets' : 'spec.domain.cpu.maxSockets';
      problems.push(problem(TOPOLOGY_CONFIGURATOR, path, `${String(plan.maximum)} vCPUs is more than this host allows for one domain (${String(hostMaximum)})`));
    }
    if (plan.preferenceIgnored) {
      problems.push(problem(TOPOLOGY_CONFIGURATOR, 'spec.domain.cpu', 'the VMI sets its own cores or threads, so the preferred CPU topology is not applied', 'warning'));
    }
    return problems;
  },
  configure(vmi, domain, { options }) {
    const planned = planVcpus(vmi, options);
    if (!planned.ok) throw new Error(`${planned.path}: ${planned.reason}`);
    const { plan } = planned;
    const { topology } = plan;
    domain.cpu = {
      ...domain.cpu,
      topology: { sockets: plan.maximum / (topology.cores * topology.threads), cores: topology.cores, threads: topology.threads },
    };
    if (plan.maxSockets === undefined) {
      domain.vcpu = { value: plan.enabled, placement: 'static' };
      return;
    }
    domain.vcpu = { value: plan.maximum, placement: 'static', current: plan.enabled };
    const firstSocket = topology.cores * topology.threads;
    const vcpus: VcpuState[] = [];
    for (let id = 0; id < plan.maximum; id++) {
      vcpus.push({ id, enabled: id < plan.enabled, hotpluggable: id >= firstSocket });
    }
    domain.vcpus = { vcpus };
  },
};
