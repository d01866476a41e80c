import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const guardModule = fileURLToPath(new URL('./process-end-guard.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'kvmkit-end-guard-'));
afterAll(() => { rmSync(scratch, { recursive: true, force: true }); });

/** A child process that guards a marker file's creation, says it is ready, then waits or exits. */
async function guardedChild(marker: string, then: 'wait' | 'exit' | 'remove-and-exit'): Promise<{ code: number | null; signal: NodeJS.Signals | null; pid: number }> {
  const script = [
    `import { writeFileSync } from 'node:fs';`,
    `import { onProcessEnd } from ${JSON.stringify(guardModule)};`,
    `const remove = onProcessEnd(() => writeFileSync(${JSON.stringify(marker)}, 'cleaned'));`,
    `console.log('ready');`,
    then === 'wait' ? 'setInterval(() => {}, 1000);' : then === 'exit' ? 'process.exit(3);' : 'remove(); process.exit(4);',
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout, 'data');
  if (then === 'wait') child.kill('SIGTERM');
  const [code, signal] = await once(child, 'exit') as [number | null, NodeJS.Signals | null];
  return { code, signal, pid: child.pid ?? -1 };
}

describe('onProcessEnd', () => {
  it('cleans up when the process is stopped with SIGTERM, and still dies of that signal', async () => {
    const marker = join(scratch, 'term');
    expect(await guardedChild(marker, 'wait')).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(readFileSync(marker, 'utf8')).toBe('cleaned');
  });

  it('cleans up on a normal exit, keeping the exit code', async () => {
    const marker = join(scratch, 'exit');
    expect(await guardedChild(marker, 'exit')).toMatchObject({ code: 3, signal: null });
    expect(existsSync(marker)).toBe(true);
  });

  it('does nothing once removed', async () => {
    const marker = join(scratch, 'removed');
    expect(await guardedChild(marker, 'remove-and-exit')).toMatchObject({ code: 4 });
    expect(existsSync(marker)).toBe(false);
  });
});
