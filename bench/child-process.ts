import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildReady, ChildSpec } from './bench-server.child';
import type { ProfileSummary } from './cpu-profile';

/** A benchmark child process and what it reported when ready. */
export interface RunningChild {
  ready: ChildReady;
  /** Starts (null) or stops (the summary) a CPU profile of the child. */
  profile(command: 'start' | 'stop'): Promise<ProfileSummary | null>;
  stop(): Promise<void>;
}

/** Forks bench-server.child with the spec and waits for its ready message (or its error). */
export function startChild(spec: ChildSpec, timeoutMs = 600_000): Promise<RunningChild> {
  const child: ChildProcess = fork(path.join(__dirname, 'bench-server.child.js'), [JSON.stringify(spec)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const profile = (command: 'start' | 'stop') =>
    new Promise<ProfileSummary | null>((resolve, reject) => {
      child.once('message', (msg: { profile?: ProfileSummary | null; error?: string }) =>
        msg.error ? reject(new Error(msg.error)) : resolve(msg.profile ?? null),
      );
      child.send({ profile: command });
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench child ${spec.mode} not ready in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (msg: { ready?: ChildReady; error?: string }) => {
      clearTimeout(timer);
      if (msg.ready) resolve({ ready: msg.ready, profile, stop });
      else reject(new Error(`bench child ${spec.mode} failed: ${msg.error}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench child ${spec.mode} exited with ${code}`));
    });
  });
}
