// Types commands into the tiny guest's shell through the serial console's unix socket.
import { connect, type Socket } from 'node:net';

export class SerialShell {
  readonly #socket: Socket;
  #output = '';

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { this.#output += chunk; });
  }

  static async open(path: string): Promise<SerialShell> {
    const socket = connect(path);
    await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
    return new SerialShell(socket);
  }

  /** Runs `command` and returns what it printed before the end marker. */
  async run(command: string, timeoutMs: number): Promise<string> {
    const marker = `END-${String(Date.now())}`;
    const start = this.#output.length;
    // The marker is assembled by the shell, so the echoed command line does not match it; the
    // empty echo first puts it on its own line after output without a final newline.
    this.#socket.write(`${command}; echo; echo "${marker.slice(0, 4)}""${marker.slice(4)}"\n`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.#output.slice(start);
      const end = seen.indexOf(`\n${marker}`);
      if (end >= 0) return seen.slice(0, end);
      if (Date.now() > deadline) throw new Error(`no end marker within ${String(timeoutMs)} ms; output:\n${seen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): void {
    this.#socket.destroy();
  }
}
