import type { Interface } from '@kvmkit/vmi';

/**
 * KubeVirt's built-in binding keys and the binding each one names. `passtBinding` is KubeVirt's
 * core passt binding; on a plain host it is the same libvirt passt backend as the `passt` key.
 */
const BUILT_IN_KEYS = {
  bridge: 'bridge',
  masquerade: 'masquerade',
  passt: 'passt',
  passtBinding: 'passt',
  sriov: 'sriov',
  macvtap: 'macvtap',
  slirp: 'slirp',
} as const;

/** Where an interface names its binding, and the name: `masquerade: {}` → masquerade, `binding: { name: x }` → x. */
export interface BindingReference {
  readonly name: string;
  /** The field that names it, relative to the interface: `masquerade`, `binding.name`. */
  readonly field: string;
}

/** The binding an interface asks for, or undefined when it names none (core's rules report that). */
export function bindingOf(vmiInterface: Interface): BindingReference | undefined {
  if (vmiInterface.binding !== undefined) return { name: vmiInterface.binding.name, field: 'binding.name' };
  for (const [key, name] of Object.entries(BUILT_IN_KEYS)) {
    if (vmiInterface[key as keyof typeof BUILT_IN_KEYS] !== undefined) return { name, field: key };
  }
  return undefined;
}
