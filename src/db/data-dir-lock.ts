import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/** A held lock on a data folder; release() removes it. */
export interface DataDirLock {
  release(): Promise<void>;
}

/** Raised when another live process holds the data folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dir} is in use by process ${pid}. Stop that process, or set DATABASE_URL to share a Postgres server between processes.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes an exclusive lock file in dir; a lock left by a dead process (kill -9) is taken over. */
export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  const file = path.join(dir, '.tiepdan.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(dir, holder);
      }
      await unlink(file).catch(() => undefined);
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
