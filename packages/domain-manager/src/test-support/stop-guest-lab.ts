import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';
import type { GuestLab } from '@kvmkit/testing';
import { rmSync } from 'node:fs';
import type { LibvirtDomainManager } from '../manager/libvirt-domain-manager.ts';

/** A QEMU test file's teardown: the manager, its guest, the lab's daemon and the work directory. */
export async function stopGuestLab(manager: LibvirtDomainManager, lab: GuestLab<LibvirtConnection>, domainName: string, workDir: string): Promise<void> {
  await manager.stop();
  await lab.connection.domainDestroy(await lab.connection.domainLookupByName(domainName)).catch(() => undefined);
  await lab.stop();
  rmSync(workDir, { recursive: true, force: true });
}
