import type { BaseConfigurator } from '../base-configurator.ts';
import { libvirtArchitecture } from './architecture.ts';
import { devicesOf } from './devices.ts';

/**
 * Video. Reads `devices.video.type` and `devices.autoattachGraphicsDevice`; writes `<video><model
 * type heads='1'>`: the given type, else `vga` on x86 (with 16 MiB of VRAM, as KubeVirt) and
 * `virtio` elsewhere. No graphics, no video.
 */
export const videoConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:video',
  configure(vmi, domain, context) {
    const devices = vmi.spec.domain.devices;
    if (devices.autoattachGraphicsDevice === false && devices.video === undefined) return;
    const x86 = libvirtArchitecture(vmi, context.architecture) === 'x86_64';
    const type = devices.video?.type ?? (x86 ? 'vga' : 'virtio');
    const model = type === 'vga' ? { type, heads: 1, vram: 16384 } : { type, heads: 1 };
    const domainDevices = devicesOf(domain);
    domainDevices.videos = [...(domainDevices.videos ?? []), { model }];
  },
};
