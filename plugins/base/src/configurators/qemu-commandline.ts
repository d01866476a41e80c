import type { QemuArg } from '@kvmkit/domain-xml';
import type { BaseConfigurator } from '../base-configurator.ts';
import { statePaths } from '../paths/state-paths.ts';

/** KubeVirt's annotation carrying an Ignition config for the guest (Fedora CoreOS, RHCOS). */
export const IGNITION_ANNOTATION = 'kubevirt.io/ignitiondata';
/** kvmkit's annotation that sends OVMF's debug output (port 0x402) to a log file when `"true"`. */
export const FIRMWARE_DEBUG_LOG_ANNOTATION = 'kvmkit.dev/firmware-debug-log';

/** A value inside a QEMU `key=value,…` option: QEMU reads `,,` as a literal comma. */
export function escapeQemuOptionValue(value: string): string {
  return value.replaceAll(',', ',,');
}

/**
 * Extra QEMU arguments. Reads the Ignition annotation (its data is written to a file by the
 * plugin's prepare) and the firmware debug log annotation; writes `<qemu:commandline>` with
 * `-fw_cfg name=opt/com.coreos/config,file=…` and `-debugcon file:… -global isa-debugcon.iobase=0x402`.
 * Paths are escaped for QEMU's option syntax; the XML writer escapes them for XML.
 */
export const qemuCommandlineConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:qemu-commandline',
  phase: 'post',
  configure(vmi, domain, context) {
    const annotations = vmi.metadata?.annotations ?? {};
    const args: QemuArg[] = [];
    if (annotations[IGNITION_ANNOTATION] !== undefined && annotations[IGNITION_ANNOTATION] !== '') {
      const file = escapeQemuOptionValue(statePaths.ignition(context.directories));
      args.push({ value: '-fw_cfg' }, { value: `name=opt/com.coreos/config,file=${file}` });
    }
    if (annotations[FIRMWARE_DEBUG_LOG_ANNOTATION] === 'true') {
      const file = escapeQemuOptionValue(statePaths.firmwareLog(context.directories));
      args.push({ value: '-debugcon' }, { value: `file:${file}` }, { value: '-global' }, { value: 'isa-debugcon.iobase=0x402' });
    }
    if (args.length === 0) return;
    domain.qemuCommandline = { ...domain.qemuCommandline, args: [...(domain.qemuCommandline?.args ?? []), ...args] };
  },
};
