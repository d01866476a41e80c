import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function pidFilesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.pid')).map((entry) => join(entry.parentPath, entry.name));
}

// A killed process whose parent never reaps it lingers as a zombie; it holds nothing, so it counts as gone.
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Signals every process named by a `*.pid` file under `dir` (QEMU, swtpm, … that a daemon
 * started there). Returns at once; `settled` resolves when they are all gone or after 10 s.
 */
export function killProcessesFromPidFiles(dir: string, signal: NodeJS.Signals): { settled: Promise<void> } {
  const pids = pidFilesUnder(dir)
    .map((file) => Number.parseInt(readFileSync(file, 'utf8').trim(), 10))
    .filter((pid) => Number.isInteger(pid) && pid > 1 && isAlive(pid));
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
  const settled = (async (): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  })();
  return { settled };
}

/** Resolves true once `child` has exited, false if it is still running after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => { resolve(false); }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops a daemon that is not our child (a persistent one found by its pid file): TERM, then KILL. */
export async function stopDaemonByPid(pid: number, runDir: string): Promise<void> {
  await killProcessesFromPidFiles(runDir, 'SIGKILL').settled;
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}
