import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface LddResult {
  /** The ELF interpreter (dynamic loader), e.g. /lib64/ld-linux-x86-64.so.2; absent for static binaries. */
  interpreter?: string;
  /** Absolute paths of the shared libraries, as the loader found them, in ldd's order. */
  libraries: string[];
  /** Sonames ldd could not find. */
  notFound: string[];
}

/**
 * Parses the output of `ldd BINARY`. Lines look like:
 *   linux-vdso.so.1 (0x...)                      ← virtual, provided by the kernel
 *   libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)
 *   /lib64/ld-linux-x86-64.so.2 (0x...)          ← the interpreter
 *   libfoo.so.1 => not found
 *   statically linked / not a dynamic executable
 */
export function parseLddOutput(text: string): LddResult {
  const result: LddResult = { libraries: [], notFound: [] };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    const arrow = /^(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$/.exec(line);
    if (arrow) {
      const [, soname = '', target = ''] = arrow;
      if (target === 'not found') result.notFound.push(soname);
      else if (target.startsWith('/') && !result.libraries.includes(target)) result.libraries.push(target);
      continue;
    }
    const bare = /^(\/\S+) \(0x[0-9a-f]+\)$/.exec(line);
    if (bare?.[1]) result.interpreter = bare[1];
  }
  return result;
}

/**
 * The shared libraries and interpreter a binary needs, found with the host's
 * `ldd`. Returns an empty result for a static binary and throws if a library
 * cannot be found (the binary would not start in the guest).
 */
export async function sharedLibraries(binary: string): Promise<LddResult> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync('ldd', [binary], { encoding: 'utf8' }));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT') throw new Error('ldd was not found; install the Debian package libc-bin', { cause: error });
    // ldd exits 1 for static binaries ("not a dynamic executable").
    const output = `${failure.stdout ?? ''}${failure.stderr ?? ''}`;
    if (/not a dynamic executable|statically linked/.test(output)) return { libraries: [], notFound: [] };
    throw new Error(`ldd ${binary} failed: ${output.trim() || failure.message}`, { cause: error });
  }
  const result = parseLddOutput(stdout);
  if (result.notFound.length > 0) throw new Error(`${binary} needs libraries that are not installed: ${result.notFound.join(', ')}`);
  return result;
}
