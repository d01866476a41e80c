// Everything a readable stream has delivered so far, as text, so a test can wait for a marker
// without racing the data that arrives before it starts waiting.
import type { Readable } from 'node:stream';

export class StreamTranscript {
  private text = '';
  private ended: string | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => { this.text += chunk.toString('latin1'); this.wake(); });
    stream.on('end', () => { this.ended ??= 'the stream ended'; this.wake(); });
    stream.on('error', (error: Error) => { this.ended ??= `the stream failed: ${error.message}`; this.wake(); });
    stream.on('close', () => { this.ended ??= 'the stream closed'; this.wake(); });
  }

  get received(): string {
    return this.text;
  }

  /** Resolves with the transcript once it contains `marker`; rejects when the stream ends first or after `timeoutMs`. */
  waitFor(marker: string, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { settle(() => { reject(new Error(`no ${JSON.stringify(marker)} within ${timeoutMs} ms; received ${JSON.stringify(this.text)}`)); }); }, timeoutMs);
      const settle = (action: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        action();
      };
      const check = (): void => {
        if (this.text.includes(marker)) settle(() => { resolve(this.text); });
        else if (this.ended !== null) settle(() => { reject(new Error(`no ${JSON.stringify(marker)}: ${this.ended ?? ''}; received ${JSON.stringify(this.text)}`)); });
      };
      this.waiters.add(check);
      check();
    });
  }

  private wake(): void {
    for (const check of [...this.waiters]) check();
  }
}
