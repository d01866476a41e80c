/** `a`…`z`, `aa`…: the suffix of the n-th (0-based) disk name, as Linux and libvirt count. */
export function diskLetters(index: number): string {
  let remaining = index;
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (remaining % 26)) + letters;
    remaining = Math.floor(remaining / 26) - 1;
  } while (remaining >= 0);
  return letters;
}

/** The target name prefix per bus: virtio disks are `vdX`, SATA/SCSI/USB ones `sdX`. */
export function targetPrefix(bus: string): string {
  return bus === 'virtio' ? 'vd' : bus === 'ide' ? 'hd' : 'sd';
}

/** Hands out target names per prefix in disk order, as KubeVirt's converter does. */
export class TargetNamer {
  readonly #used = new Map<string, number>();

  next(bus: string): string {
    const prefix = targetPrefix(bus);
    const index = this.#used.get(prefix) ?? 0;
    this.#used.set(prefix, index + 1);
    return `${prefix}${diskLetters(index)}`;
  }
}
