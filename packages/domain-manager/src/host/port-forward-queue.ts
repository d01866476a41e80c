// Module-level on purpose: the manager builds a new LibvirtHostOperations for every sync, delete
// and migration, but what forwardPorts/releasePorts read and write is one per host: kvmkit's
// iptables chains and the NAT network's DHCP reservations. Two VMIs at once would each create the
// chains ("Chain already exists"), delete a chain the other is appending to, or pick the same free
// address from the network XML. One queue for the whole process runs those operations one at a
// time. (Other processes on the host are not covered; the chains' "already exists" is tolerated.)
let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` once every port-forwarding operation queued before it has settled. */
export function serialisedPortForwarding<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  queue = result.catch(() => undefined);
  return result;
}
