import type { BaseConfigurator } from '../base-configurator.ts';
import { statePaths } from '../paths/state-paths.ts';
import { devicesOf } from './devices.ts';

/** Longest path a unix socket address can hold (sun_path is 108 bytes with its NUL). */
const UNIX_SOCKET_PATH_MAX = 107;

/**
 * Serial console, as KubeVirt's virt-launcher builds it. Reads
 * `devices.autoattachSerialConsole`, `devices.logSerialConsole` and the options
 * `serialConsoleLog` and `serialConsole`; writes `<serial type='unix'>` bound at
 * `<state>/virt-serial0` (what a console client connects to), or `<serial type='pty'>` when the
 * option asks for libvirt's console stream, with `<log file='<state>/virt-serial0-log'
 * append='on'>`, and the `<console type='pty'><target type='serial'/>` that aliases it.
 */
export const serialConsoleConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:serial-console',
  validate(vmi, context) {
    if (vmi.spec.domain.devices.autoattachSerialConsole === false || context.options.serialConsole === 'pty') return [];
    const socket = statePaths.serialSocket(context.directories, 0);
    return Buffer.byteLength(socket) > UNIX_SOCKET_PATH_MAX
      ? [{ path: 'spec.domain.devices.autoattachSerialConsole', reason: `the serial console socket ${socket} is longer than the ${String(UNIX_SOCKET_PATH_MAX)} bytes a unix socket path may have; use a shorter state directory`, severity: 'error', rule: 'base:serial-console' }]
      : [];
  },
  configure(vmi, domain, context) {
    const source = vmi.spec.domain.devices;
    if (source.autoattachSerialConsole === false) return;
    const devices = devicesOf(domain);
    const log = source.logSerialConsole !== false && context.options.serialConsoleLog;
    const reachedThrough = context.options.serialConsole === 'pty'
      ? { type: 'pty' as const }
      : { type: 'unix' as const, sources: [{ mode: 'bind', path: statePaths.serialSocket(context.directories, 0) }] };
    devices.serials = [...(devices.serials ?? []), {
      ...reachedThrough,
      ...(log ? { log: { file: statePaths.serialLog(context.directories, 0), append: true } } : {}),
      target: { port: 0 },
    }];
    devices.consoles = [...(devices.consoles ?? []), { type: 'pty', target: { type: 'serial', port: 0 } }];
  },
};
