import { buildGuestImage, type GuestImage } from '@kvmkit/guest-image';
import type { VirtType } from '@kvmkit/host-probe';
import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/private-libvirtd';
import { virtTypeForTests } from './virt-type.ts';

/** What a test file that boots the tiny guest sets up once: a private libvirtd, a connection to it, the guest and the domain type. */
export interface GuestLab<Connection> {
  libvirtd: PrivateLibvirtd;
  connection: Connection;
  image: GuestImage;
  virtType: VirtType;
  /** Closes the connection, then stops the daemon. */
  stop(): Promise<void>;
}

/**
 * Starts a private libvirtd, builds the tiny guest and probes the domain type at the same time,
 * then connects with `connect` (the caller's client, e.g. `connect` of `@kvmkit/libvirt-rpc`:
 * this package must not depend on it). A failed connect stops the daemon before it rethrows.
 */
export async function startGuestLab<Connection extends { close(): Promise<unknown> }>(connect: (uri: string) => Promise<Connection>): Promise<GuestLab<Connection>> {
  const [libvirtd, image, probe] = await Promise.all([startLibvirtd(), buildGuestImage(), virtTypeForTests()]);
  let connection: Connection;
  try {
    connection = await connect(libvirtd.uri);
  } catch (error) {
    await libvirtd.stop();
    throw error;
  }
  return {
    libvirtd,
    connection,
    image,
    virtType: probe.virtType,
    stop: async () => {
      try {
        await connection.close();
      } finally {
        await libvirtd.stop();
      }
    },
  };
}
