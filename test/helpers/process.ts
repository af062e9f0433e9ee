import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The compiled entry point; `npm test` builds it first (pretest). */
export const MAIN_JS = path.resolve(__dirname, '../../dist/src/main.js');

/** A server running as a real child process, as `npm start` runs it. */
export interface ChildServer {
  child: ChildProcess;
  url: string;
  readyMs: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns the compiled server with the given environment and waits for its "ready" log line. */
export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  at: { main: string; cwd?: string } = { main: MAIN_JS },
): Promise<ChildServer> {
  const child = spawn(process.execPath, [at.main], {
    cwd: at.cwd,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<{ url: string; readyMs: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server not ready in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      for (const line of out.split('\n')) {
        if (!line.includes('tiepdan is ready')) continue;
        const parsed = JSON.parse(line) as { url: string; readyMs: number };
        clearTimeout(timer);
        resolve(parsed);
        return;
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before ready:\n${out}`));
    });
  });
  return { child, ...ready, output: () => out, exited };
}
