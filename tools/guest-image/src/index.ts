export { buildGuestImage, defaultCacheDir, GUEST_KERNEL_CMDLINE, type BuildGuestImageOptions, type GuestImage } from './build-guest-image.ts';
export { MissingHostPackageError } from './host-inputs.ts';
export { DEFAULT_READY_LINE, QEMU_GA_PORT_NAME } from './init-script.ts';
export { writeCpio, type CpioEntry } from './cpio.ts';
