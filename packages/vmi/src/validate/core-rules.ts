import { bootOrderRule } from './rules/boot-order-rule.ts';
import { diskTargetRule } from './rules/disk-target-rule.ts';
import { diskVolumeRule } from './rules/disk-volume-rule.ts';
import { interfaceNetworkRule } from './rules/interface-network-rule.ts';
import { macAddressRule } from './rules/mac-address-rule.ts';
import { memoryRule } from './rules/memory-rule.ts';
import { notActedOnRule } from './rules/not-acted-on-rule.ts';
import { pciAddressRule } from './rules/pci-address-rule.ts';
import { quantityRule } from './rules/quantity-rule.ts';
import { structureRule } from './rules/structure-rule.ts';
import { uniqueNamesRule } from './rules/unique-names-rule.ts';
import type { VmiRule } from './vmi-problem.ts';

/** The rules `validateVmi` always runs, in this order. */
export const CORE_RULES: readonly VmiRule[] = [
  structureRule,
  uniqueNamesRule,
  diskVolumeRule,
  diskTargetRule,
  interfaceNetworkRule,
  bootOrderRule,
  quantityRule,
  memoryRule,
  pciAddressRule,
  macAddressRule,
  notActedOnRule,
];
