import { xdr } from '../xdr/index.ts';
import { defineProcedure } from './procedure.ts';
import { optionalDomain, remoteString } from './remote-types.ts';

// Procedures of the open sequence and of event registration (sheet 1.8, 1.9, 1.13).

export const AUTH_LIST = defineProcedure({ name: 'AUTH_LIST', number: 66, ret: xdr.struct({ types: xdr.array(xdr.int, 20) }), highPriority: true });
export const AUTH_POLKIT = defineProcedure({ name: 'AUTH_POLKIT', number: 70, ret: xdr.struct({ complete: xdr.int }), highPriority: true });
export const CONNECT_SUPPORTS_FEATURE = defineProcedure({
  name: 'CONNECT_SUPPORTS_FEATURE', number: 60, args: xdr.struct({ feature: xdr.int }), ret: xdr.struct({ supported: xdr.int }), highPriority: true,
});
export const CONNECT_OPEN = defineProcedure({ name: 'CONNECT_OPEN', number: 1, args: xdr.struct({ name: remoteString, flags: xdr.uint }), highPriority: true });
export const CONNECT_CLOSE = defineProcedure({ name: 'CONNECT_CLOSE', number: 2, highPriority: true });
export const CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY = defineProcedure({
  name: 'CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY', number: 316,
  args: xdr.struct({ eventID: xdr.int, dom: optionalDomain }), ret: xdr.struct({ callbackID: xdr.int }), highPriority: true,
});
export const CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY = defineProcedure({
  name: 'CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY', number: 317, args: xdr.struct({ callbackID: xdr.int }), highPriority: true,
});

/** `remote_auth_type`. */
export const AuthType = { NONE: 0, SASL: 1, POLKIT: 2 } as const;

/** `VIR_DRV_FEATURE_*` numbers the client probes. */
export const DriverFeature = { TYPED_PARAM_STRING: 9, PROGRAM_KEEPALIVE: 10, REMOTE_EVENT_CALLBACK: 14, REMOTE_CLOSE_CALLBACK: 15 } as const;
