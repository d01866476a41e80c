import { z } from 'zod';

/** libvirt's node list syntax: `0`, `0-1`, `0,2-3`. */
const NODESET = /^\d+(-\d+)?(,\d+(-\d+)?)*$/;

export const hugepagesOptionsSchema = z.object({
  /**
   * Back guest memory with a memfd where KubeVirt does: huge pages (unless the VMI annotation
   * `kubevirt.io/memfd` is `"false"`), virtiofs and vhost-user. A memfd needs no hugetlbfs mount;
   * `false` makes libvirt use hugetlbfs files (a mounted hugetlbfs of the page size is needed).
   */
  memfd: z.boolean().default(true),
  /**
   * Guest NUMA nodes the page size applies to (`<page nodeset>`); nodes outside it use normal
   * pages. Every node must exist in the guest NUMA topology. Unset: all nodes.
   */
  nodeset: z.string().regex(NODESET, 'a node list like 0, 0-1 or 0,2-3').optional(),
});

export type HugepagesOptions = z.infer<typeof hugepagesOptionsSchema>;
