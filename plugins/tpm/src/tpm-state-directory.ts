import { posix } from 'node:path';

/** Where libvirt's QEMU driver keeps its state on Debian and most distributions. */
export const LIBVIRT_STATE_DIRECTORY = '/var/lib/libvirt';

/**
 * The directory where libvirt's QEMU driver keeps a domain's swtpm state (`tpm2/tpm2-00.permall`
 * inside it): `<state dir>/swtpm/<domain uuid>`. libvirt 9.0 has no element to choose it
 * (`<backend><source type='dir'>` is not in its schema), so kvmkit keys the state by the
 * domain UUID, which is stable: derived from the VMI name when `firmware.uuid` is not given.
 * `stateDirectory` is libvirt's, e.g. a private daemon's own directory mounted over
 * `/var/lib/libvirt`.
 */
export function tpmStateDirectory(domainUuid: string, stateDirectory: string = LIBVIRT_STATE_DIRECTORY): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(domainUuid)) {
    throw new Error(`tpmStateDirectory: '${domainUuid}' is not a UUID`);
  }
  return posix.join(stateDirectory, 'swtpm', domainUuid.toLowerCase());
}
