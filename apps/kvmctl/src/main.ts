#!/usr/bin/env node
// tsyringe needs the Reflect metadata API before any decorated class is evaluated.
import 'reflect-metadata';
import { runKvmctl } from './cli.ts';

const output = {
  out: (line: string) => { process.stdout.write(`${line}\n`); },
  err: (line: string) => { process.stderr.write(`${line}\n`); },
};

process.exitCode = await runKvmctl(process.argv.slice(2), output);
