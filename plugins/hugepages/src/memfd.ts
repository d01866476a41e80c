import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { wantsHugepages } from './page-size.ts';
import { sharedMemoryUsers } from './shared-memory-users.ts';

/** KubeVirt's annotation that turns memfd off for huge pages (`"false"`). */
export const MEMFD_ANNOTATION = 'kubevirt.io/memfd';

/**
 * Whether memory is backed by a memfd (KubeVirt's `isMemfdRequired`): huge pages unless the
 * annotation says `"false"`, and always for virtiofs and vhost-user. The option `memfd: false`
 * turns it off altogether.
 */
export function usesMemfd(vmi: VirtualMachineInstance, memfdAllowed: boolean): boolean {
  if (!memfdAllowed) return false;
  if (wantsHugepages(vmi) && vmi.metadata?.annotations?.[MEMFD_ANNOTATION] !== 'false') return true;
  return sharedMemoryUsers(vmi).length > 0;
}
