import { readFileSync } from 'node:fs';
import { loadManifests, type LoadResult } from '@kvmkit/vmi';

/** Where a command writes: stdout for results, stderr for diagnostics. */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
  /**
   * A transient status line (a terminal rewrites it in place; absent when output is not a
   * terminal, where only the plain `out` lines are printed).
   */
  progress?(status: string): void;
}

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Loads the VMIs of FILE (`-` for stdin), reporting load errors and warnings on stderr. */
export function loadFile(file: string, output: CommandOutput): LoadResult {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  const result = loadManifests(text, { source: file === '-' ? '<stdin>' : file });
  for (const warning of result.warnings) output.err(`warning: ${warning.message}`);
  for (const error of result.errors) output.err(`error: ${error.message}`);
  return result;
}
