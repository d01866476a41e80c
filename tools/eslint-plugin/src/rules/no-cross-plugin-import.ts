import type { Rule } from 'eslint';
import { dirname, resolve } from 'node:path';
import { visitImportSources } from '../import-sources.ts';
import { loadWorkspace, packageOfFile, splitSpecifier } from '../workspace.ts';

/**
 * A plugin owns its whole feature and talks to others only through core's contracts, so a
 * plugin package may not import another plugin package, by name or by relative path.
 */
export const noCrossPluginImport: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid a plugin package from importing another plugin package.' },
    schema: [],
    messages: {
      crossPlugin:
        "Plugin '{{importer}}' imports plugin '{{imported}}'. Plugins may depend only on core's contracts; move shared code to core or declare an ordering dependency in the manifest.",
    },
  },
  create(context) {
    const workspace = loadWorkspace(dirname(context.filename));
    if (workspace === undefined) return {};
    const importer = packageOfFile(workspace, context.filename);
    if (importer?.group !== 'plugins') return {};
    return visitImportSources((specifier, node) => {
      const target = specifier.startsWith('.')
        ? packageOfFile(workspace, resolve(dirname(context.filename), specifier))
        : workspace.byName.get(splitSpecifier(specifier).packageName);
      if (target === undefined || target.group !== 'plugins' || target.name === importer.name) return;
      context.report({ node, messageId: 'crossPlugin', data: { importer: importer.name, imported: target.name } });
    });
  },
};
