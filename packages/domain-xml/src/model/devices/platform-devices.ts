import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, VirtioOptions } from '../common.ts';

/** `<watchdog model action/>`: `i6300esb`, `ib700`, `diag288`, `itco`; action `reset`, `shutdown`, `poweroff`, `pause`, `none`, `dump`, `inject-nmi`. */
export interface Watchdog extends Extensible {
  model: string;
  action?: string;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}

/** `<panic model/>`: `isa`, `pseries`, `hyperv`, `s390`, `pvpanic`. */
export interface Panic extends Extensible {
  model?: string;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}

/** `<cid auto address/>` of a vsock. */
export interface VsockCid extends Extensible {
  /** `auto='yes'|'no'`. */
  auto?: boolean;
  address?: number;
}

/** `<vsock model>`. */
export interface Vsock extends Extensible {
  model?: string;
  cid?: VsockCid;
  alias?: DeviceAlias;
  address?: DeviceAddress;
  driver?: VirtioOptions & Extensible;
}

/** `<driver intremap caching_mode eim iotlb aw_bits dma_translation/>` of an IOMMU. */
export interface IommuDriver extends Extensible {
  /** `intremap='on'|'off'`. */
  intremap?: boolean;
  /** `caching_mode='on'|'off'`. */
  cachingMode?: boolean;
  /** `eim='on'|'off'`. */
  eim?: boolean;
  /** `iotlb='on'|'off'`. */
  iotlb?: boolean;
  awBits?: number;
}

/** `<iommu model>`: `intel`, `smmuv3`, `virtio`. */
export interface Iommu extends Extensible {
  model: string;
  driver?: IommuDriver;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}

/** `<nvram>` device (PPC spapr-nvram). */
export interface NvramDevice extends Extensible {
  alias?: DeviceAlias;
  address?: DeviceAddress;
}

/** `<lease>`: a lock manager lease. */
export interface Lease extends Extensible {
  lockspace?: string;
  key: string;
  target: LeaseTarget;
}

/** `<target path offset/>` of a lease. */
export interface LeaseTarget extends Extensible {
  path: string;
  offset?: number;
}
