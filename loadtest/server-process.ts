import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** The compiled entry point, beside this file's compiled form (dist/loadtest → dist/src). */
export const SERVER_MAIN_JS = path.resolve(__dirname, '../src/main.js');

// Only the end of the server's output is kept: a long run logs far too much to hold.
const OUTPUT_TAIL_CHARS = 20_000;

/** A free loopback port, so a restarted server can listen where the clients already point. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The real server as a child process on a fixed loopback port, restartable on the same DATA_DIR. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  private tail = '';
  /** How many times the process ended unexpectedly (not through stop() or kill()). */
  crashes = 0;
  private expectingExit = false;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly mainJs = SERVER_MAIN_JS,
  ) {}

  /** The base URL clients use. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until /readyz answers 200; returns how long that took. */
  async start(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    this.expectingExit = false;
    const child = spawn(process.execPath, [this.mainJs], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (d: Buffer) => (this.tail = (this.tail + d.toString()).slice(-OUTPUT_TAIL_CHARS));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        if (!this.expectingExit) this.crashes++;
        resolve(code);
      }),
    );
    while (Date.now() - started < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.tail}`);
      if (await this.ready()) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server not ready in ${timeoutMs} ms:\n${this.tail}`);
  }

  /** Starts the process unless it is already running (scenarios leave it stopped after their checks). */
  async ensureRunning(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) await this.start();
  }

  /** True when the process is running and /healthz answers 200. */
  async alive(): Promise<boolean> {
    if (!this.child || this.child.exitCode !== null) return false;
    try {
      return (await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(10_000) })).status === 200;
    } catch {
      return false;
    }
  }

  private async ready(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2_000) })).status === 200;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes. */
  async kill(): Promise<void> {
    this.expectingExit = true;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Graceful stop (SIGTERM); resolves with the exit code. */
  async stop(): Promise<number | null> {
    this.expectingExit = true;
    if (!this.child || this.child.exitCode !== null) return this.child?.exitCode ?? null;
    this.child.kill('SIGTERM');
    return this.exited;
  }

  /** The last part of the server's output, for a failure report. */
  output(): string {
    return this.tail;
  }
}
