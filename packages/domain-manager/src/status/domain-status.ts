import type { DomainStatus, VmiCondition } from '@kvmkit/core';
import { uuidToString } from '@kvmkit/libvirt-rpc';
import { pausedCondition, phaseFor, type NamedState } from './domain-phase.ts';
import type { OwnedDomain } from './owned-domains.ts';

/** The owned domain's status in libvirt's state `named`: phase and conditions. */
export function domainStatusOf(owned: OwnedDomain, named: NamedState): DomainStatus {
  const phase = phaseFor(named, owned.everStarted);
  const conditions: VmiCondition[] = [];
  const paused = pausedCondition(named);
  if (paused !== undefined) conditions.push(paused);
  const active = named.state === 'running' || named.state === 'paused';
  if (active) conditions.push({ type: 'AgentConnected', status: owned.agentConnected ? 'True' : 'False' });
  conditions.push({ type: 'Ready', status: named.state === 'running' ? 'True' : 'False', ...(named.state === 'running' ? {} : { reason: `Domain${named.state.charAt(0).toUpperCase()}${named.state.slice(1)}` }) });
  if (phase === 'Failed') conditions.push({ type: 'Failure', status: 'True', reason: named.reason, message: `domain ${named.state} (${named.reason})` });
  // The contract's UUID is libvirt's canonical dashed form; the hex form is internal.
  return { vmi: owned.vmi, domainName: owned.domainName, uuid: uuidToString(Buffer.from(owned.uuid, 'hex')), phase, state: named.state, reason: named.reason, conditions, ...(owned.createdAt === undefined ? {} : { createdAt: owned.createdAt }) };
}

/** Whether `b` says nothing new after `a` (phase, state, reason and conditions alike). */
export function sameStatus(a: DomainStatus | undefined, b: DomainStatus): boolean {
  return a !== undefined && a.phase === b.phase && a.state === b.state && a.reason === b.reason && JSON.stringify(a.conditions) === JSON.stringify(b.conditions);
}
