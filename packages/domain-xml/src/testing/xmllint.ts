// Test helper: validates many files against libvirt's RelaxNG schema with one xmllint run per batch.
import { spawnSync } from 'node:child_process';

export interface ValidationFailure {
  file: string;
  message: string;
}

export function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

export function validateWithRelaxNg(schema: string, files: readonly string[], batchSize = 150): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  for (let start = 0; start < files.length; start += batchSize) {
    const batch = files.slice(start, start + batchSize);
    const result = spawnSync('xmllint', ['--noout', '--relaxng', schema, ...batch], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status === 0) continue;
    const output = result.stderr;
    for (const file of batch) {
      if (!output.includes(`${file} validates`)) {
        failures.push({ file, message: output.split('\n').filter((line) => line.includes(file)).slice(0, 5).join('\n') });
      }
    }
  }
  return failures;
}
