import type { Rule } from 'eslint';
import { dirname, resolve } from 'node:path';
import { visitImportSources } from '../import-sources.ts';
import { isExported, loadWorkspace, packageOfFile, splitSpecifier } from '../workspace.ts';

/**
 * A package's public API is its `exports` map. Importing a workspace package by a subpath it
 * does not export, or reaching into another package's folder by relative path, couples code to
 * internals that can change in any release.
 */
export const noDeepImport: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: "Forbid imports past a workspace package's `exports` map." },
    schema: [],
    messages: {
      notExported:
        "'{{specifier}}' is not exported by {{packageName}} (its exports: {{exported}}). Import a public entry point instead.",
      relativeIntoPackage:
        "'{{specifier}}' reaches into {{packageName}} by relative path. Import it by its package name and a path its `exports` map allows.",
    },
  },
  create(context) {
    const workspace = loadWorkspace(dirname(context.filename));
    if (workspace === undefined) return {};
    const importer = packageOfFile(workspace, context.filename);
    return visitImportSources((specifier, node) => {
      if (specifier.startsWith('.')) {
        const target = packageOfFile(workspace, resolve(dirname(context.filename), specifier));
        if (target !== undefined && target.name !== importer?.name) {
          context.report({ node, messageId: 'relativeIntoPackage', data: { specifier, packageName: target.name } });
        }
        return;
      }
      const { packageName, subpath } = splitSpecifier(specifier);
      const target = workspace.byName.get(packageName);
      if (target === undefined || isExported(target.exportedSubpaths, subpath)) return;
      context.report({
        node,
        messageId: 'notExported',
        data: { specifier, packageName, exported: target.exportedSubpaths.join(', ') || 'none' },
      });
    });
  },
};
