/** A minimal domain for libvirt's test driver (no emulator, nothing runs). */
export function testDriverDomainXml(name: string): string {
  return `<domain type='test'><name>${name}</name><memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>`;
}

export interface TinyGuestDomainOptions {
  name: string;
  /** `kvm` or `qemu` (TCG), as `virtTypeForTests()` says. */
  virtType: string;
  /** The tiny guest's boot files (`buildGuestImage()`). */
  image: { kernel: string; initrd: string; cmdline: string };
  /** The file ttyS0 writes to: the guest's kernel console, where it prints its ready line. */
  consoleLog: string;
  /** How many `<serial type='pty'>` ports follow ttyS0: guest ttyS1, ttyS2…, libvirt aliases serial1, serial2… */
  ptySerialPorts?: number;
  /** Names of virtio-serial unix channels besides the guest agent's. */
  channels?: readonly string[];
  /** Adds a virtio-scsi controller, so SCSI disks can be hot-plugged (the tiny guest completes their unplug). */
  scsiController?: boolean;
  /** Further `<devices>` children, verbatim. */
  extraDevices?: readonly string[];
}

/** The tiny QEMU guest booted from kernel + initramfs, with the guest agent's channel. */
export function tinyGuestDomainXml(options: TinyGuestDomainOptions): string {
  const ptySerials = Array.from({ length: options.ptySerialPorts ?? 0 }, (_, index) => `<serial type='pty'><target port='${index + 1}'/></serial>`);
  const channels = ['org.qemu.guest_agent.0', ...(options.channels ?? [])].map((name) => `<channel type='unix'><target type='virtio' name='${name}'/></channel>`);
  const devices = [
    `<serial type='file'><source path='${options.consoleLog}'/><target port='0'/></serial>`,
    ...ptySerials,
    ...channels,
    ...(options.scsiController === true ? ["<controller type='scsi' index='0' model='virtio-scsi'/>"] : []),
    ...(options.extraDevices ?? []),
  ];
  return `<domain type='${options.virtType}'>
  <name>${options.name}</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <kernel>${options.image.kernel}</kernel>
    <initrd>${options.image.initrd}</initrd>
    <cmdline>${options.image.cmdline}</cmdline>
  </os>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    ${devices.join('\n    ')}
  </devices>
</domain>`;
}
