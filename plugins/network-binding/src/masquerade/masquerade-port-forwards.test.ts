import { describe, expect, it } from 'vitest';
import { networkBindingOptionsSchema } from '../options/network-binding-options.ts';
import { vmiWithInterfaces } from '../testing/vmi-with-interfaces.ts';
import { masqueradePortForwards } from './masquerade-port-forwards.ts';

const pod = { name: 'default', pod: {} };

describe('masqueradePortForwards', () => {
  it('forwards ports from 1024 up on their own number, lower ones only when mapped', () => {
    const vmi = vmiWithInterfaces([{ name: 'default', masquerade: {}, ports: [{ port: 80 }, { port: 22 }, { port: 8080, protocol: 'UDP' }] }], [pod]);
    const options = networkBindingOptionsSchema.parse({ masquerade: { hostPorts: { 'lab/guest:22': 2222 } } });
    const [forward] = masqueradePortForwards(vmi, options);
    expect(forward?.path).toBe('spec.domain.devices.interfaces[0]');
    expect(forward?.request).toMatchObject({ owner: 'lab/guest', network: options.masquerade.network });
    expect(forward?.request.ports).toEqual([
      { protocol: 'tcp', hostPort: 2222, guestPort: 22 },
      { protocol: 'udp', hostPort: 8080, guestPort: 8080 },
    ]);
  });

  it('asks for nothing when only unmapped ports below 1024 are listed, or in user mode', () => {
    const vmi = vmiWithInterfaces([{ name: 'default', masquerade: {}, ports: [{ port: 80 }] }], [pod]);
    expect(masqueradePortForwards(vmi, networkBindingOptionsSchema.parse({}))).toEqual([]);
    const high = vmiWithInterfaces([{ name: 'default', masquerade: {}, ports: [{ port: 8080 }] }], [pod]);
    expect(masqueradePortForwards(high, networkBindingOptionsSchema.parse({ masquerade: { mode: 'user' } }))).toEqual([]);
  });
});
