import { ZaloCitizen } from './citizens';
import { runFeedbackLoad, type FiledFeedback, type LoadProgress } from './feedback-load';
import {
  checkZaloRecorded,
  IN_FLIGHT_SENDS_AT_KILL,
  ensureRunning,
  openCitizens,
  outboundOf,
  stopAll,
  waitForOutbox,
  type Harness,
} from './harness';
import {
  checkFeedback,
  checkTurnsOnce,
  checkZaloReplies,
  openStoppedDatabase,
  type Check,
} from './invariants';
import { replyMetrics } from './reply-latency';
import type { Rng } from './rng';

/** The outcome of one scenario: its invariants and its figures. */
export interface ScenarioResult {
  name: string;
  ok: boolean;
  checks: Check[];
  metrics: Record<string, number>;
  /** Every violation found, for --verbose and the JSON summary. */
  violations?: string[];
}

/** Sizes and limits of a run. */
export interface LoadOptions {
  messages: number;
  conversations: number;
  killMessages: number;
  redeliverFeedbacks: number;
  redeliverConversations: number;
  waitMs: number;
  /** Offered feedbacks/s of the load scenario (open loop); 0: each citizen files back to back (closed loop). */
  rate: number;
}

/** Stops the server and runs the checks on its database folder (the next scenario starts it again). */
async function checkStopped(
  h: Harness,
  run: (db: Awaited<ReturnType<typeof openStoppedDatabase>>) => Promise<Check[]>,
): Promise<Check[]> {
  const codes = await stopAll(h);
  const db = await openStoppedDatabase(h);
  let checks: Check[];
  try {
    checks = await run(db);
  } finally {
    await db.close();
  }
  checks.push({
    name: codes.length > 1 ? 'every replica stopped cleanly' : 'server stopped cleanly',
    ok: codes.every((c) => c === 0),
    detail: `exit code ${codes.join(', ')}`,
  });
  return checks;
}

function result(name: string, checks: Check[], metrics: Record<string, number>): ScenarioResult {
  return { name, ok: checks.every((c) => c.ok), checks, metrics };
}

const ticketsOf = (filed: FiledFeedback[]) => filed.filter((x) => x.trackingCode).length;

/** Scenario 1: N feedbacks from C concurrent conversations; every acknowledged one is a ticket exactly once. */
export async function loadScenario(h: Harness, o: LoadOptions): Promise<ScenarioResult> {
  await ensureRunning(h);
  const citizens = await openCitizens(h, o.conversations, 'load');
  const started = Date.now();
  const progress: LoadProgress = { started: 0, confirmed: 0, late: 0, maxLagMs: 0 };
  const filed = await runFeedbackLoad({
    citizens,
    total: o.messages,
    numbering: 1_000_000,
    waitMs: o.waitMs,
    progress,
    ...(o.rate > 0 ? { rate: o.rate } : {}),
  });
  const ms = Date.now() - started;
  await waitForOutbox(h, citizens, filed, 60_000);
  const checks = await checkStopped(h, async (db) => [
    ...(await checkFeedback(db, filed, await outboundOf(db, h, citizens), true)),
    await checkZaloRecorded(db, h, citizens),
    ...(await checkTurnsOnce(db, citizens)),
  ]);
  const turns = filed.length * 5;
  return result('load: feedback from concurrent conversations', checks, {
    feedbacks: filed.length,
    conversations: citizens.length,
    citizenMessages: turns,
    tickets: ticketsOf(filed),
    replicas: h.servers.length,
    ms,
    feedbacksPerSecond: Math.round((filed.length / ms) * 1000 * 10) / 10,
    messagesPerSecond: Math.round((turns / ms) * 1000 * 10) / 10,
    offeredFeedbacksPerSecond: o.rate,
    lateStarts: progress.late ?? 0,
    maxStartLagMs: progress.maxLagMs ?? 0,
    ...replyMetrics(filed),
  });
}

/**
 * Scenario 2: the same load, kill -9 part-way, restart on the same database; citizens and Zalo retry. With
 * replicas, one chosen at random is killed while the others keep serving (the round-robin client's retries reach
 * them), then restarted.
 */
export async function killScenario(h: Harness, o: LoadOptions, rng: Rng): Promise<ScenarioResult> {
  await ensureRunning(h);
  const citizens = await openCitizens(h, o.conversations, 'kill');
  const progress: LoadProgress = { started: 0, confirmed: 0 };
  const killAt = Math.max(1, Math.floor(o.killMessages * (0.3 + rng.next() * 0.3)));
  const load = runFeedbackLoad({
    citizens,
    total: o.killMessages,
    numbering: 2_000_000,
    waitMs: Math.max(o.waitMs, 120_000),
    progress,
  });
  const victim = h.servers[Math.floor(rng.next() * h.servers.length)]!;
  while (progress.confirmed < killAt) await new Promise((r) => setTimeout(r, 20));
  const startedAt = Date.now();
  await victim.kill();
  const restartMs = await victim.start();
  const filed = await load;
  const recoveryMs = Date.now() - startedAt;
  await waitForOutbox(h, citizens, filed, 90_000);
  const checks = await checkStopped(h, async (db) => [
    ...(await checkFeedback(db, filed, await outboundOf(db, h, citizens), false, IN_FLIGHT_SENDS_AT_KILL)),
    await checkZaloRecorded(db, h, citizens, IN_FLIGHT_SENDS_AT_KILL),
    ...(await checkTurnsOnce(db, citizens)),
  ]);
  return result(
    h.servers.length > 1
      ? `kill -9 of one of ${h.servers.length} replicas during load, restart`
      : 'kill -9 during load, restart',
    checks,
    {
      replicas: h.servers.length,
      feedbacks: filed.length,
      killedAfterConfirmed: killAt,
      tickets: ticketsOf(filed),
      restartMs,
      recoveryMs,
    },
  );
}

/** A Zalo citizen whose every message Zalo delivers again with probability `rate`, half of them late. */
class RedeliveringCitizen extends ZaloCitizen {
  redeliveries = 0;
  private late: string[] = [];

  constructor(
    base: ConstructorParameters<typeof ZaloCitizen>,
    private readonly rng: Rng,
    private readonly rate: number,
  ) {
    super(...base);
  }

  override async post(body: string, deadline: number): Promise<boolean> {
    const earlier = this.late.splice(0);
    const first = super.post(body, deadline);
    // Late redeliveries of earlier messages arrive after this newer one: out of order.
    const olds = earlier.map(async (old) => {
      this.redeliveries++;
      await super.post(old, deadline);
    });
    if (this.rng.next() < this.rate) {
      if (this.rng.next() < 0.5) this.late.push(body);
      else {
        this.redeliveries++;
        void super.post(body, deadline);
      }
    }
    const ok = await first;
    await Promise.all(olds);
    return ok;
  }

  /** Delivers whatever redeliveries are still held back. */
  async flush(deadline: number): Promise<void> {
    for (const old of this.late.splice(0)) {
      this.redeliveries++;
      await super.post(old, deadline);
    }
  }
}

/** Scenario 3: Zalo redelivers 30% of webhooks, some out of order; each message is answered exactly once. */
export async function redeliveryScenario(h: Harness, o: LoadOptions, rng: Rng): Promise<ScenarioResult> {
  await ensureRunning(h);
  const citizens = Array.from(
    { length: o.redeliverConversations },
    (_, i) => new RedeliveringCitizen([h.link, h.inbox, `redeliver${1000 + i}`], rng, 0.3),
  );
  const filed = await runFeedbackLoad({
    citizens,
    total: o.redeliverFeedbacks,
    numbering: 3_000_000,
    waitMs: o.waitMs,
  });
  await Promise.all(citizens.map((c) => c.flush(Date.now() + 30_000)));
  // A last exchange absorbs the trailing menu message, so every send is attributed to the message it answered.
  const closing = await Promise.all(citizens.map((c) => c.say('cảm ơn', 'Rất vui', o.waitMs)));
  await waitForOutbox(h, citizens, filed, 60_000);
  const unanswered = closing.filter((c) => !c.matched).length;
  const msgIds = citizens.flatMap((c) => [...c.delivered.keys()]);
  const checks = await checkStopped(h, async (db) => [
    ...(await checkFeedback(db, filed, await outboundOf(db, h, citizens), true)),
    await checkZaloRecorded(db, h, citizens),
    ...(await checkZaloReplies(
      db,
      msgIds,
      citizens.map((c) => c.conversationId),
    )),
  ]);
  checks.push({ name: 'closing message answered', ok: unanswered === 0, detail: `${unanswered} unanswered` });
  return result('Zalo redelivers 30% of webhooks, some out of order', checks, {
    feedbacks: filed.length,
    redeliveries: citizens.reduce((s, c) => s + c.redeliveries, 0),
    tickets: ticketsOf(filed),
  });
}
