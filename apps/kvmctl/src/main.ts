#!/usr/bin/env node
// tsyringe needs the Reflect metadata API before any decorated class is evaluated.
import 'reflect-metadata';
import { runKvmctl } from './cli.ts';

// On a terminal, progress rewrites one status line in place; every other line clears it first.
const terminal = process.stdout.isTTY;
const CLEAR_LINE = '\r\x1b[2K';
const output = {
  out: (line: string) => { process.stdout.write(`${terminal ? CLEAR_LINE : ''}${line}\n`); },
  err: (line: string) => { process.stderr.write(`${terminal ? CLEAR_LINE : ''}${line}\n`); },
  ...(terminal ? { progress: (status: string) => { process.stdout.write(`${CLEAR_LINE}${status}`); } } : {}),
};

process.exitCode = await runKvmctl(process.argv.slice(2), output);
