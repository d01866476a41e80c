/**
 * @kvmkit/vmi — load `kubevirt.io/v1` VirtualMachineInstance and VirtualMachine manifests
 * (YAML or JSON), apply KubeVirt's defaults explicitly, and validate them with field paths.
 */
export type * from './types.ts';

export { loadManifests } from './load/load-manifests.ts';
export type { LoadedVmi, LoadIssue, LoadOptions, LoadResult, ManifestOrigin } from './load/load-types.ts';

export { parseQuantity, tryParseQuantity, type QuantityParseResult } from './quantity/parse-quantity.ts';
export { formatQuantity } from './quantity/format-quantity.ts';
export { quantityToBytes, quantityToMillis } from './quantity/quantity-to-bytes.ts';
export { InvalidQuantityError, type Quantity, type QuantityFormat } from './quantity/quantity.ts';

export { vcpuCountOf } from './cpu/vcpu-count-of.ts';

export { withDefaults } from './defaults/with-defaults.ts';
export type { DefaultsOptions } from './defaults/defaults-options.ts';
export { firmwareUuidForName, KUBEVIRT_FIRMWARE_UUID_NAMESPACE } from './defaults/firmware-uuid.ts';
export { DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS } from './defaults/spec-defaults.ts';

export { validateVmi, type ValidateOptions } from './validate/validate-vmi.ts';
export type { VmiProblem, VmiRule } from './validate/vmi-problem.ts';
export { CORE_RULES } from './validate/core-rules.ts';
export { NOT_ACTED_ON } from './validate/rules/not-acted-on-rule.ts';
