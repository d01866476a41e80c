/**
 * @kvmkit/libvirt-rpc — a pure-TypeScript client for libvirt's RPC protocol.
 * Standalone: it depends on no other kvmkit package.
 */
export { connect, type LibvirtConnection } from './connection/libvirt-connection.ts';
export type { ConnectOptions, KeepaliveOptions, ReconnectOptions, LibvirtConnectionCore } from './connection/libvirt-connection-core.ts';
export { resolveUri, type ResolvedUri, type TransportTarget } from './connection/connection-uri.ts';
export type { TlsCredentials } from './connection/transport.ts';
export type { CallOptions } from './rpc/rpc-session.ts';
export { LibvirtStream } from './rpc/libvirt-stream.ts';

export { LibvirtError, UnsupportedOperationError, type ErrorLevel } from './errors/libvirt-error.ts';
export { ErrorCode, ErrorDomain, errorCodeName, errorDomainName } from './errors/error-codes.ts';
export {
  AuthenticationUnsupportedError, CallAbortedError, CallTimeoutError, ConnectionClosedError, ConnectionLostError, InvalidUriError,
} from './errors/connection-errors.ts';
export { ProtocolError } from './protocol/frame-decoder.ts';

export { DomainEventSubscription } from './events/domain-event-subscription.ts';
export { DOMAIN_EVENTS, type DomainEvent, type DomainEventKind } from './events/domain-event-types.ts';
export { lifecycleDetailName, lifecycleEventName, DOMAIN_STATE_NAMES, type DomainStateName, type LifecycleEventName } from './events/lifecycle-names.ts';

export {
  domain as domainType, nonnullString as nonnullStringType, optionalDomain as optionalDomainType, remoteString as remoteStringType, uuidBytes as uuidType,
  uuidFromString, uuidToString, type Domain, type DomainCheckpoint, type DomainSnapshot, type Network, type StoragePool, type StorageVolume } from './protocol/remote-types.ts';
export { TYPED_PARAM_STRING_OKAY, typedParam as typedParamType, typedParams as typedParamsType, typedParamsToRecord, type TypedParam } from './protocol/typed-param.ts';
export { defineProcedure, type Procedure, type StreamDirection } from './protocol/procedure.ts';
export { Program } from './protocol/constants.ts';

export { type NodeInfo, type DomainCapabilitiesQuery } from './api/host.ts';
export { DirtyRateCalcMode, DirtyRateStatus, DomainStatsType, DomainXmlFlags, MetadataType, type BlockStats, type DomainInfo, type DomainState, type DomainStatsRecord, type InterfaceStats } from './api/domain-info.ts';
export { DeviceModify, VcpuFlags } from './api/domain-devices.ts';
export { AgentTimeout, GuestInfoType, InterfaceAddressSource, type DomainFsInfo, type DomainInterface } from './api/domain-guest-agent.ts';
export { CoreDumpFormat, JobType, type JobInfo } from './api/domain-jobs.ts';
export { MigrateFlags } from './api/domain-migration.ts';
export { ConnectListAllNetworksFlags, NetworkUpdateCommand, NetworkUpdateFlags, NetworkUpdateSection } from './api/networks.ts';
export type { Screenshot } from './api/domain-streams.ts';

export { xdr, encodeXdr, decodeXdr, XdrError, XdrReader, XdrWriter, type XdrType, type XdrValue, type UnionValue } from './xdr/index.ts';
