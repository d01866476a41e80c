/** `namespace/name` from a NAME argument and the `--namespace` flag (KubeVirt's default namespace is `default`). */
export function qualifiedVmiName(name: string, namespace: string | undefined): string {
  if (name.includes('/')) return name;
  return `${namespace ?? 'default'}/${name}`;
}
