#!/usr/bin/env node
/**
 * kvmkit-guest-image [--cache-dir DIR] [--kernel-version VERSION] [--json]
 * Builds (or finds in the cache) the tiny guest and prints where it is.
 */
import { parseArgs } from 'node:util';
import { buildGuestImage } from './build-guest-image.ts';
import { MissingHostPackageError } from './host-inputs.ts';

const usage = 'usage: kvmkit-guest-image [--cache-dir DIR] [--kernel-version VERSION] [--json] [--quiet]';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'cache-dir': { type: 'string' },
      'kernel-version': { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const image = await buildGuestImage({
    ...(values['cache-dir'] !== undefined && { cacheDir: values['cache-dir'] }),
    ...(values['kernel-version'] !== undefined && { kernelVersion: values['kernel-version'] }),
    // Progress goes to stderr so that stdout stays machine-readable.
    log: values.quiet ? () => {} : (line) => process.stderr.write(`${line}\n`),
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(image, null, 2)}\n`);
  } else {
    process.stdout.write(`kernel\t${image.kernel}\ninitrd\t${image.initrd}\ncmdline\t${image.cmdline}\nready\t${image.readyLine}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof MissingHostPackageError || (error instanceof TypeError && 'code' in error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`kvmkit-guest-image: ${message}\n${error instanceof TypeError ? `${usage}\n` : ''}`);
    process.exitCode = 1;
  },
);
