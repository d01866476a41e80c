import { KvmkitError } from '../errors/kvmkit-error.ts';
import type { StandardSchemaIssue, StandardSchemaV1 } from './standard-schema.ts';

function issuePath(issue: StandardSchemaIssue): string {
  const keys = (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
  return keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${String(key)}]` : path === '' ? String(key) : `${path}.${String(key)}`), '');
}

/**
 * Validates a plugin's options with its schema, applying the schema's defaults. Options are
 * checked once, when the plugin is registered, so validation must be synchronous.
 */
export function validatePluginOptions(plugin: string, schema: StandardSchemaV1, options: unknown): unknown {
  const result = schema['~standard'].validate(options ?? {});
  if (result instanceof Promise) {
    throw new KvmkitError('PLUGIN_INVALID_MANIFEST', `plugin '${plugin}': its options schema validates asynchronously; core needs a synchronous schema`, { plugin });
  }
  if (result.issues !== undefined) {
    const listed = result.issues.map((issue) => `${issuePath(issue) || '(options)'}: ${issue.message}`).join('; ');
    throw new KvmkitError('PLUGIN_OPTIONS_INVALID', `plugin '${plugin}': invalid options: ${listed}`, { plugin, issues: result.issues });
  }
  return result.value;
}
