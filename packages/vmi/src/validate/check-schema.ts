import { isObject } from './field-access.ts';
import type { FieldSchema } from './schema.ts';
import type { VmiProblem } from './vmi-problem.ts';

/** Checks `value` against `schema`, reporting every mismatch with its full field path. */
export function checkSchema(value: unknown, schema: FieldSchema, path: string, rule: string): VmiProblem[] {
  const problems: VmiProblem[] = [];
  const report = (at: string, reason: string, severity: VmiProblem['severity'] = 'error'): void => {
    problems.push({ path: at, reason, severity, rule });
  };
  walk(value, schema, path, report);
  return problems;
}

type Report = (path: string, reason: string, severity?: VmiProblem['severity']) => void;

function walk(value: unknown, schema: FieldSchema, path: string, report: Report): void {
  switch (schema.kind) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') {
        report(path, `expected a string, got ${describe(value)}`);
        return;
      }
      if (schema.values && !schema.values.includes(value)) {
        report(path, `unknown value "${value}"; expected one of ${schema.values.join(', ')}`);
        return;
      }
      if (schema.pattern && !schema.pattern.test(value)) report(path, schema.patternReason ?? `does not match ${String(schema.pattern)}`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        report(path, `expected an integer, got ${describe(value)}`);
        return;
      }
      if (schema.minimum !== undefined && value < schema.minimum) report(path, `must be at least ${schema.minimum}, got ${value}`);
      if (schema.maximum !== undefined && value > schema.maximum) report(path, `must be at most ${schema.maximum}, got ${value}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') report(path, `expected true or false, got ${describe(value)}`);
      return;
    case 'quantity':
      if (typeof value !== 'string' && typeof value !== 'number') report(path, `expected a quantity (string or number), got ${describe(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) {
        report(path, `expected a list, got ${describe(value)}`);
        return;
      }
      value.forEach((item: unknown, index) => {
        walk(item, schema.items, `${path}[${index}]`, report);
      });
      return;
    case 'object': {
      if (!isObject(value)) {
        report(path, `expected a mapping, got ${describe(value)}`);
        return;
      }
      for (const key of schema.required ?? []) {
        if (value[key] === undefined || value[key] === null) report(join(path, key), 'is required');
      }
      for (const [key, child] of Object.entries(value)) {
        const childSchema = schema.fields?.[key] ?? schema.values;
        if (childSchema !== undefined) {
          // `null` in YAML means "not set" to Kubernetes, except where a value is required.
          if (child !== null) walk(child, childSchema, join(path, key), report);
        } else if (schema.fields !== undefined && schema.open !== true) {
          report(join(path, key), 'unknown field; KubeVirt has no such field here (a typo?)', 'warning');
        }
      }
      return;
    }
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}
