import { domain, nonnullString, remoteString, type Domain } from '../protocol/remote-types.ts';
import { typedParams } from '../protocol/typed-param.ts';
import { xdr, type XdrType, type XdrValue } from '../xdr/index.ts';
import { lifecycleDetailName, lifecycleEventName } from './lifecycle-names.ts';

const callbackID = xdr.int;
const dom = domain;
const graphicsAddress = xdr.struct({ family: xdr.int, node: nonnullString, service: nonnullString });
const graphicsIdentity = xdr.struct({ type: nonnullString, name: nonnullString });

const lifecycle = xdr.mapped(
  xdr.struct({ callbackID, dom, event: xdr.int, detail: xdr.int }),
  'lifecycle event',
  (wire) => ({ ...wire, eventName: lifecycleEventName(wire.event), detailName: lifecycleDetailName(wire.event, wire.detail) }),
  ({ callbackID: id, dom: target, event, detail }) => ({ callbackID: id, dom: target, event, detail }),
);

/**
 * Every domain event of libvirt's callback-style API (sheet 1.9): the `VIR_DOMAIN_EVENT_ID_*`
 * number to register, the MESSAGE procedure the daemon sends, and that message's payload.
 */
export const DOMAIN_EVENTS = {
  lifecycle: { id: 0, procedure: 318, payload: lifecycle },
  reboot: { id: 1, procedure: 319, payload: xdr.struct({ callbackID, dom }) },
  rtcChange: { id: 2, procedure: 320, payload: xdr.struct({ callbackID, dom, offset: xdr.hyper }) },
  watchdog: { id: 3, procedure: 321, payload: xdr.struct({ callbackID, dom, action: xdr.int }) },
  ioError: { id: 4, procedure: 322, payload: xdr.struct({ callbackID, dom, srcPath: nonnullString, devAlias: nonnullString, action: xdr.int }) },
  graphics: {
    id: 5,
    procedure: 323,
    payload: xdr.struct({ callbackID, dom, phase: xdr.int, local: graphicsAddress, remote: graphicsAddress, authScheme: nonnullString, subject: xdr.array(graphicsIdentity, 20) }),
  },
  ioErrorReason: { id: 6, procedure: 324, payload: xdr.struct({ callbackID, dom, srcPath: nonnullString, devAlias: nonnullString, action: xdr.int, reason: nonnullString }) },
  controlError: { id: 7, procedure: 325, payload: xdr.struct({ callbackID, dom }) },
  blockJob: { id: 8, procedure: 326, payload: xdr.struct({ callbackID, dom, path: nonnullString, type: xdr.int, status: xdr.int }) },
  diskChange: { id: 9, procedure: 327, payload: xdr.struct({ callbackID, dom, oldSrcPath: remoteString, newSrcPath: remoteString, devAlias: nonnullString, reason: xdr.int }) },
  trayChange: { id: 10, procedure: 328, payload: xdr.struct({ callbackID, dom, devAlias: nonnullString, reason: xdr.int }) },
  // The three PM events put their reason before the domain.
  pmWakeup: { id: 11, procedure: 329, payload: xdr.struct({ callbackID, reason: xdr.int, dom }) },
  pmSuspend: { id: 12, procedure: 330, payload: xdr.struct({ callbackID, reason: xdr.int, dom }) },
  balloonChange: { id: 13, procedure: 331, payload: xdr.struct({ callbackID, dom, actual: xdr.uhyper }) },
  pmSuspendDisk: { id: 14, procedure: 332, payload: xdr.struct({ callbackID, reason: xdr.int, dom }) },
  deviceRemoved: { id: 15, procedure: 333, payload: xdr.struct({ callbackID, dom, devAlias: nonnullString }) },
  blockJob2: { id: 16, procedure: 339, payload: xdr.struct({ callbackID, dom, dst: nonnullString, type: xdr.int, status: xdr.int }) },
  tunable: { id: 17, procedure: 346, payload: xdr.struct({ callbackID, dom, params: typedParams(2048) }) },
  agentLifecycle: { id: 18, procedure: 348, payload: xdr.struct({ callbackID, dom, state: xdr.int, reason: xdr.int }) },
  deviceAdded: { id: 19, procedure: 354, payload: xdr.struct({ callbackID, dom, devAlias: nonnullString }) },
  migrationIteration: { id: 20, procedure: 359, payload: xdr.struct({ callbackID, dom, iteration: xdr.int }) },
  jobCompleted: { id: 21, procedure: 363, payload: xdr.struct({ callbackID, dom, params: typedParams(64) }) },
  deviceRemovalFailed: { id: 22, procedure: 367, payload: xdr.struct({ callbackID, dom, devAlias: nonnullString }) },
  metadataChange: { id: 23, procedure: 379, payload: xdr.struct({ callbackID, dom, type: xdr.int, nsuri: remoteString }) },
  blockThreshold: { id: 24, procedure: 385, payload: xdr.struct({ callbackID, dom, dev: nonnullString, path: remoteString, threshold: xdr.uhyper, excess: xdr.uhyper }) },
  memoryFailure: { id: 25, procedure: 423, payload: xdr.struct({ callbackID, dom, recipient: xdr.int, action: xdr.int, flags: xdr.uint }) },
  memoryDeviceSizeChange: { id: 26, procedure: 438, payload: xdr.struct({ callbackID, dom, alias: nonnullString, size: xdr.uhyper }) },
  nicMacChange: { id: 27, procedure: 453, payload: xdr.struct({ callbackID, dom, alias: nonnullString, oldMAC: nonnullString, newMAC: nonnullString }) },
} as const satisfies Record<string, { id: number; procedure: number; payload: XdrType<{ callbackID: number; dom: Domain }> }>;

export type DomainEventKind = keyof typeof DOMAIN_EVENTS;

/** A decoded domain event: its kind, the domain, and the event's own fields. */
export type DomainEvent<Kind extends DomainEventKind = DomainEventKind> = {
  [K in Kind]: { kind: K; domain: Domain } & Omit<XdrValue<(typeof DOMAIN_EVENTS)[K]['payload']>, 'callbackID' | 'dom'>;
}[Kind];

const kindByProcedure = new Map<number, DomainEventKind>(
  (Object.keys(DOMAIN_EVENTS) as DomainEventKind[]).map((kind) => [DOMAIN_EVENTS[kind].procedure, kind]),
);

/** The event kind a MESSAGE procedure carries, or undefined for messages that are not callback domain events. */
export function domainEventKindForProcedure(procedure: number): DomainEventKind | undefined {
  return kindByProcedure.get(procedure);
}

/** Decodes a domain event message; returns the callback it belongs to and the typed event. */
export function decodeDomainEvent(kind: DomainEventKind, decode: <T>(type: XdrType<T>) => T): { callbackId: number; event: DomainEvent } {
  const { callbackID: callbackId, dom: target, ...fields } = decode<{ callbackID: number; dom: Domain }>(DOMAIN_EVENTS[kind].payload);
  return { callbackId, event: { kind, domain: target, ...fields } as DomainEvent };
}
