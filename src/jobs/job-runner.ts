import type { Logger } from 'pino';

/** What one pass reports: `more` asks for another pass at once (a batch left due work behind). */
export interface JobPass {
  more?: boolean;
}

/** A named background job: one pass at the instant `now`, run on an interval and whenever it is kicked. */
export interface Job {
  name: string;
  /** Timer period; a job without one runs only when kicked (and once when the runner starts). */
  intervalMs?: number;
  perform(now: Date): Promise<JobPass | void>;
}

/** What an area sees of the runner: it registers its jobs and kicks one when work arrives. */
export interface Jobs {
  add(job: Job): void;
  /** Runs a pass now; resolves when the job has nothing more to do (kicks during a pass coalesce into one more). */
  kick(name: string): Promise<void>;
}

/** What the runner needs: a logger for failed passes and the clock every pass reads its `now` from. */
export interface JobRunnerDeps {
  logger: Logger;
  clock: () => Date;
}

interface JobState {
  job: Job;
  timer?: NodeJS.Timeout;
  busy: boolean;
  again: boolean;
  running: Promise<void>;
}

/**
 * Runs every background job of the process: one pass at a time per job (never overlapping), errors logged and
 * never thrown, and a stop() that waits for the passes in flight so none dies mid-transaction.
 */
export class JobRunner implements Jobs {
  private readonly jobs = new Map<string, JobState>();
  private readonly logger: Logger;
  private started = false;
  private stopped = false;

  constructor(private readonly deps: JobRunnerDeps) {
    this.logger = deps.logger.child({ component: 'jobs' });
  }

  /** Registers a job; names are unique. */
  add(job: Job): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is already registered`);
    const state: JobState = { job, busy: false, again: false, running: Promise.resolve() };
    this.jobs.set(job.name, state);
    if (this.started) this.schedule(state);
  }

  /** The registered job names, in registration order. */
  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Starts every job's timer and runs each once (work a crash left behind is picked up at start). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    for (const state of this.jobs.values()) this.schedule(state);
  }

  /** Runs a pass of the named job now; while one runs, the kick asks for one more pass after it. */
  kick(name: string): Promise<void> {
    const state = this.jobs.get(name);
    if (!state) throw new Error(`no job named ${name}`);
    if (this.stopped) return Promise.resolve();
    if (state.busy) {
      state.again = true;
      return state.running;
    }
    state.busy = true;
    state.running = this.loop(state);
    return state.running;
  }

  /** Stops the timers and waits for the passes in flight; later kicks do nothing. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const state of this.jobs.values()) clearInterval(state.timer);
    await Promise.all([...this.jobs.values()].map((s) => s.running));
  }

  private schedule(state: JobState): void {
    void this.kick(state.job.name);
    if (state.job.intervalMs === undefined) return;
    // A tick while a pass runs is skipped: the pass in flight already sees what is due.
    state.timer = setInterval(() => {
      if (!state.busy) void this.kick(state.job.name);
    }, state.job.intervalMs);
    state.timer.unref();
  }

  private async loop(state: JobState): Promise<void> {
    try {
      let more: boolean;
      do {
        state.again = false;
        const pass = await state.job.perform(this.deps.clock());
        more = pass?.more === true;
      } while ((state.again || more) && !this.stopped);
    } catch (err) {
      this.logger.error({ err, job: state.job.name }, 'background pass failed');
    } finally {
      state.busy = false;
    }
  }
}
