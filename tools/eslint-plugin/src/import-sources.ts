import type { Rule } from 'eslint';

/** Calls `check` with every static module specifier in a file: imports, re-exports and literal dynamic imports. */
export function visitImportSources(check: (specifier: string, node: Rule.Node) => void): Rule.RuleListener {
  const visit = (node: Rule.Node & { source?: unknown }): void => {
    const source = node.source as { type?: string; value?: unknown } | null | undefined;
    if (source?.type === 'Literal' && typeof source.value === 'string') check(source.value, node);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}
