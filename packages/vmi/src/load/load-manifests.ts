import { isMap, isNode, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { splitFieldPath } from './field-path.ts';
import type { LoadedVmi, LoadIssue, LoadOptions, LoadResult } from './load-types.ts';
import { vmisFromObject } from './vmis-from-object.ts';

/**
 * Reads YAML or JSON text holding one or many documents (`---`) and returns the VMIs it
 * describes: VirtualMachineInstances as they are, VirtualMachines as the VMI KubeVirt would create
 * from their template, pools and replica sets as one VMI per replica. Other kinds are skipped with
 * a warning; text that is not YAML, or an object that cannot be read, is an error. Never throws.
 */
export function loadManifests(text: string, options: LoadOptions = {}): LoadResult {
  const result: LoadResult = { vmis: [], errors: [], warnings: [] };
  const source = options.source;
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  documents.forEach((document, index) => {
    const documentNumber = index + 1;
    const issue = (severity: LoadIssue['severity'], reason: string, line: number | undefined, kind?: string): void => {
      const where = [source, `document ${documentNumber}`, line === undefined ? undefined : `line ${line}`]
        .filter((part) => part !== undefined)
        .join(', ');
      const entry: LoadIssue = { severity, message: `${where}: ${reason}`, reason, source, document: documentNumber, line, kind };
      (severity === 'error' ? result.errors : result.warnings).push(entry);
    };

    for (const error of document.errors) issue('error', `invalid YAML: ${error.message}`, lineAt(error.pos[0]));
    if (document.errors.length > 0) return;
    for (const warning of document.warnings) issue('warning', warning.message, lineAt(warning.pos[0]));
    // A stray `---` at the start or end makes an empty document; it describes nothing.
    if (document.contents === null) return;

    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      issue('error', `cannot read document: ${error instanceof Error ? error.message : String(error)}`, lineOfPath(document, [], lineAt));
      return;
    }
    const findings = vmisFromObject(value);
    for (const error of findings.errors) issue('error', error.reason, lineOfPath(document, error.path, lineAt), error.kind);
    for (const warning of findings.warnings) issue('warning', warning.reason, lineOfPath(document, warning.path, lineAt), warning.kind);
    for (const found of findings.vmis) {
      const loaded: LoadedVmi = {
        vmi: found.vmi,
        origin: {
          source,
          document: documentNumber,
          line: lineOfPath(document, found.objectPath, lineAt),
          kind: found.kind,
          name: found.name,
        },
        lineOf: (path) => {
          const segments = splitFieldPath(path);
          if (segments[0] !== 'spec') return lineOfPath(document, found.objectPath, lineAt);
          return lineOfPath(document, [...found.specPath, ...segments.slice(1)], lineAt);
        },
      };
      result.vmis.push(loaded);
    }
  });
  return result;
}

/**
 * The line of the deepest node along `path` that exists in the document; for a mapping entry,
 * the line of its key, where a reader looks for it.
 */
function lineOfPath(
  document: Document.Parsed,
  path: readonly (string | number)[],
  lineAt: (offset: number) => number,
): number | undefined {
  let node: unknown = document.contents;
  let line = isNode(node) && node.range ? lineAt(node.range[0]) : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (pair === undefined) break;
      if (isNode(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!isNode(item)) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}
