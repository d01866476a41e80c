import { z } from 'zod';

export const virtioMemOptionsSchema = z.object({
  /**
   * `<maxMemory slots>`: DIMM slots QEMU reserves. virtio-mem uses none, but libvirt before 9.6
   * refuses a `<maxMemory>` without at least one ("both maximum memory size and memory slot
   * count must be specified"), so the default is 1, as KubeVirt first wrote it.
   */
  maxMemorySlots: z.number().int().min(1).max(255).default(1),
});

export type VirtioMemOptions = z.infer<typeof virtioMemOptionsSchema>;
