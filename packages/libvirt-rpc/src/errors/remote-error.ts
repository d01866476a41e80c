import { optionalDomain, optionalNetwork, remoteString } from '../protocol/remote-types.ts';
import { xdr, type XdrType, type XdrValue } from '../xdr/index.ts';


/** `remote_error` (== `virNetMessageError`), decoded in full. */
export const remoteError = xdr.struct({
  code: xdr.int,
  domain: xdr.int,
  message: remoteString,
  level: xdr.int,
  dom: optionalDomain,
  str1: remoteString,
  str2: remoteString,
  str3: remoteString,
  int1: xdr.int,
  int2: xdr.int,
  net: optionalNetwork,
});

export type RemoteError = XdrValue<typeof remoteError>;
export const remoteErrorType: XdrType<RemoteError> = remoteError;
