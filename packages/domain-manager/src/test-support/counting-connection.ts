import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';

/** Method names that change libvirt state. */
const WRITE_METHOD = /^domain(Define|Create|Undefine|Destroy|Suspend|Resume|Shutdown|Reboot|Reset|Attach|Detach|Update|Set)/;

/** Wraps a connection so a test can count the state-changing calls the manager makes. */
export function countingConnection(connection: LibvirtConnection): { connection: LibvirtConnection; writes: string[] } {
  const writes: string[] = [];
  const proxy = new Proxy(connection, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        if (typeof property === 'string' && WRITE_METHOD.test(property)) writes.push(property);
        return method.apply(target, args);
      };
    },
  });
  return { connection: proxy, writes };
}
