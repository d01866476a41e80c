import { describe, expect, it } from 'vitest';
import { libvirtdConf, libvirtdLayout, qemuConf } from './libvirtd-config.ts';

const layout = libvirtdLayout('/tmp/kvmkit-config-test');

describe('libvirtdConf', () => {
  it('writes the private socket, no authentication and the log settings', () => {
    const lines = libvirtdConf(layout, 2).split('\n');
    expect(lines).toContain('unix_sock_dir = "/tmp/kvmkit-config-test/sock"');
    expect(lines).toContain('auth_unix_rw = "none"');
    expect(lines).toContain('log_outputs = "2:file:/tmp/kvmkit-config-test/libvirtd.log"');
    expect(lines.some((line) => line.startsWith('host_uuid'))).toBe(false);
  });

  it('adds the host UUID and the extra lines after the defaults', () => {
    const text = libvirtdConf(layout, 3, { hostUuid: '5a7c1f0e-2b3d-4e5f-8a9b-0c1d2e3f4a5b', libvirtd: ['max_client_requests = 32', 'keepalive_interval = 10'] });
    const lines = text.split('\n');
    expect(lines).toContain('host_uuid = "5a7c1f0e-2b3d-4e5f-8a9b-0c1d2e3f4a5b"');
    expect(lines.slice(-3)).toEqual(['max_client_requests = 32', 'keepalive_interval = 10', '']);
    expect(lines.indexOf('auth_unix_rw = "none"')).toBeLessThan(lines.indexOf('max_client_requests = 32'));
  });

  it('lets an extra line replace a generated setting, which libvirt would otherwise ignore as a repeat', () => {
    const lines = libvirtdConf(layout, 3, { libvirtd: ['auth_unix_rw = "sasl"'] }).split('\n');
    expect(lines.filter((line) => line.startsWith('auth_unix_rw'))).toEqual(['auth_unix_rw = "sasl"']);
    expect(lines).toContain('auth_unix_ro = "none"');
    expect(qemuConf(true, ['security_driver = "selinux"']).split('\n').filter((line) => line.startsWith('security_driver'))).toEqual(['security_driver = "selinux"']);
  });

  it('refuses a host UUID that is not one, naming the field', () => {
    expect(() => libvirtdConf(layout, 3, { hostUuid: 'not-a-uuid' })).toThrow(/^hostUuid: 'not-a-uuid' is not a UUID/);
  });

  it('refuses an extra line with a line break, naming its index', () => {
    expect(() => libvirtdConf(layout, 3, { libvirtd: ['a = 1', 'b = 2\nauth_unix_rw = "sasl"'] })).toThrow(/^extraConfig\.libvirtd\[1\]: .*line break/);
  });
});

describe('qemuConf', () => {
  it('runs QEMU as root without security driver or cgroups when privileged', () => {
    const lines = qemuConf(true).split('\n');
    expect(lines).toContain('user = "+0"');
    expect(lines).toContain('security_driver = "none"');
    expect(lines).toContain('cgroup_controllers = [ ]');
  });

  it('appends the extra qemu.conf lines', () => {
    const lines = qemuConf(false, ['migration_address = "127.0.0.1"', 'migration_port_min = 49152']).split('\n');
    expect(lines).not.toContain('user = "+0"');
    expect(lines.slice(-3)).toEqual(['migration_address = "127.0.0.1"', 'migration_port_min = 49152', '']);
    expect(() => qemuConf(false, ['x = 1\r'])).toThrow(/^extraConfig\.qemu\[0\]/);
  });
});
