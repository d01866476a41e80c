/** Signals that end a process by default and that a test runner or CI sends to stop one. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `cleanup` (synchronous) when this process ends: on a normal exit, and on SIGINT, SIGTERM
 * or SIGHUP, which skip Node's `exit` event. libvirt daemonizes QEMU, so a private daemon's guests
 * outlive a test worker that a runner stopped with a signal unless they are killed here. After the
 * cleanup the signal is raised again, so the process still ends as it would have. Returns a
 * function that removes the guard.
 */
export function onProcessEnd(cleanup: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    remove();
    cleanup();
    // Another listener decides what the signal does; otherwise its default action ends us.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const remove = (): void => {
    process.removeListener('exit', cleanup);
    for (const signal of ENDING_SIGNALS) process.removeListener(signal, onSignal);
  };
  process.once('exit', cleanup);
  for (const signal of ENDING_SIGNALS) process.once(signal, onSignal);
  return remove;
}
