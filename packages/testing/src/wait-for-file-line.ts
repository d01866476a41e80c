import { existsSync, readFileSync } from 'node:fs';

/**
 * Polls `file` (a serial console log, say) until a line equal to `line` (after trimming the
 * console's carriage returns) appears; rejects after `timeoutMs` with the file's last lines.
 */
export async function waitForFileLine(file: string, line: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = existsSync(file) ? readFileSync(file, 'latin1') : '';
    if (text.split('\n').some((candidate) => candidate.trim() === line)) return;
    if (Date.now() > deadline) {
      const lastLines = text.trimEnd().split('\n').slice(-15).join('\n');
      throw new Error(`'${line}' did not appear in ${file} within ${String(timeoutMs)} ms; last lines:\n${lastLines}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
