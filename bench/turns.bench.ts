import { vi } from '../src/i18n/strings.vi';
import { capacityAtObjective, type CapacityFigures, type CapacityPlan } from './capacity.bench';
import { DirectLineConversation } from './directline.driver';
import { closedLoop, type LoadFigures } from './load';
import type { ProfileSummary } from './cpu-profile';
import { ratio, since } from './stats';

/** The three servers compared at each concurrency. */
export interface TurnServers {
  helloUrl: string;
  echoUrl: string;
  qaUrl: string;
  /** Every replica of the QA server (qaUrl first) when more than one runs on the same database. */
  qaReplicaUrls?: string[];
  secret: string;
  /** CPU profilers of the echo and QA server processes. */
  profileEcho: (command: 'start' | 'stop') => Promise<ProfileSummary | null>;
  profileQa: (command: 'start' | 'stop') => Promise<ProfileSummary | null>;
}

/** The turn section: every level, and where the servers spent their CPU at the highest one. */
export interface TurnsSection {
  levels: TurnLevel[];
  /** Open-loop capacity at the p99 objective: QA on one server, and across the replicas when they ran. */
  capacity?: { qa: CapacityFigures; qaReplicas?: CapacityFigures; replicasOverOne?: number };
  /** Replicas the `qaReplicas` figures ran across (absent: one server only). */
  replicas?: number;
  /** Profiles from an extra run at the highest concurrency (the measured runs are not profiled). */
  profiles: { concurrency: number; echo: ProfileSummary | null; qa: ProfileSummary | null };
}

/** One concurrency level: the three runs side by side and their ratios. */
export interface TurnLevel {
  concurrency: number;
  hello: LoadFigures;
  echo: LoadFigures;
  qa: LoadFigures;
  /** QA turns/s ÷ echo turns/s (target ≥ 0.25). */
  qaOverEchoThroughput: number;
  /** Echo turns/s ÷ hello requests/s: the cost of the bot pipeline without retrieval. */
  echoOverHelloThroughput: number;
  /** QA p99 ÷ echo p99. */
  qaOverEchoP99: number;
  /** QA turns that ended on the offer to forward (no grounded answer). */
  qaUngrounded: number;
  /** QA across every replica, round-robin per post (no stickiness), when more than one ran. */
  qaReplicas?: LoadFigures;
  /** qaReplicas turns/s ÷ QA turns/s on the first replica alone. */
  replicasOverOne?: number;
}

const DECLINE = { offer: vi.bot.ask.forwardYes, no: vi.bot.no };

/**
 * `n` conversations, started in turn on each of `urls` (their streams stay there), each posting to every one of
 * `urls` in turn.
 */
async function conversations(
  urls: readonly string[],
  secret: string,
  n: number,
): Promise<DirectLineConversation[]> {
  const out: DirectLineConversation[] = [];
  // A few at a time: starting 32 at once measures the greeting, not the turn.
  for (let i = 0; i < n; i += 4)
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(4, n - i) }, (_, j) =>
          DirectLineConversation.start(urls[(i + j) % urls.length]!, secret, urls),
        ),
      )),
    );
  return out;
}

async function turnLoad(
  convs: DirectLineConversation[],
  concurrency: number,
  durationMs: number,
  questions: readonly string[],
  ungrounded: { n: number },
): Promise<LoadFigures> {
  return closedLoop(concurrency, durationMs, async (w, n) => {
    const q = questions[(w * 7 + n) % questions.length]!;
    const t = await convs[w]!.turn(q, DECLINE);
    if (t.ungrounded) ungrounded.n++;
    return t.answerMs;
  });
}

/** What the turn section runs beyond the closed-loop levels. */
export interface TurnPlan {
  levels: readonly number[];
  durationMs: number;
  questions: readonly string[];
  /** The open-loop capacity run, when selected. */
  capacity?: { plan: CapacityPlan; pool: number };
}

/** One turn per conversation and replica (posts rotate over the replicas), so every process is warm. */
async function warm(convs: DirectLineConversation[], questions: readonly string[], replicas = 1) {
  for (let round = 0; round < replicas; round++)
    await Promise.all(convs.map((c, i) => c.turn(questions[(i + round) % questions.length]!, DECLINE)));
}

async function helloLoad(url: string, concurrency: number, durationMs: number): Promise<LoadFigures> {
  return closedLoop(concurrency, durationMs, async () => {
    const t = performance.now();
    const res = await fetch(`${url}/hello`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`hello: HTTP ${res.status}`);
    return since(t);
  });
}

/**
 * Runs hello, echo, QA and (with replicas) QA across them back to back at each concurrency (interleaved, so drift
 * hits all alike), then the open-loop capacity of QA alone and across the replicas.
 */
export async function benchTurns(servers: TurnServers, plan: TurnPlan): Promise<TurnsSection> {
  const { levels, durationMs, questions } = plan;
  const replicaUrls = servers.qaReplicaUrls ?? [];
  const pool = plan.capacity?.pool ?? 0;
  const max = Math.max(...levels);
  const echoConvs = await conversations([servers.echoUrl], servers.secret, max);
  const qaConvs = await conversations([servers.qaUrl], servers.secret, Math.max(max, pool));
  const repConvs =
    replicaUrls.length > 1 ? await conversations(replicaUrls, servers.secret, Math.max(max, pool)) : [];
  // Warm-up: one turn per conversation (JIT, caches, the admin-units index loaded on the first question).
  await warm(echoConvs, questions);
  await warm(qaConvs, questions);
  await warm(repConvs, questions, replicaUrls.length);
  const out: TurnLevel[] = [];
  for (const concurrency of levels) {
    const hello = await helloLoad(servers.helloUrl, concurrency, durationMs);
    const echo = await turnLoad(echoConvs, concurrency, durationMs, questions, { n: 0 });
    const ungrounded = { n: 0 };
    const qa = await turnLoad(qaConvs, concurrency, durationMs, questions, ungrounded);
    const qaReplicas =
      repConvs.length > 0
        ? await turnLoad(repConvs, concurrency, durationMs, questions, { n: 0 })
        : undefined;
    out.push({
      concurrency,
      hello,
      echo,
      qa,
      qaOverEchoThroughput: ratio(qa.throughput, echo.throughput),
      echoOverHelloThroughput: ratio(echo.throughput, hello.throughput),
      qaOverEchoP99: ratio(qa.latency.p99, echo.latency.p99),
      qaUngrounded: ungrounded.n,
      ...(qaReplicas ? { qaReplicas, replicasOverOne: ratio(qaReplicas.throughput, qa.throughput) } : {}),
    });
  }
  const capacity = plan.capacity ? await capacities(plan, qaConvs, repConvs) : undefined;
  const profiled = async (
    profile: TurnServers['profileQa'],
    convs: DirectLineConversation[],
  ): Promise<ProfileSummary | null> => {
    await profile('start');
    await turnLoad(convs, max, durationMs / 2, questions, { n: 0 });
    return profile('stop');
  };
  const profiles = {
    concurrency: max,
    echo: await profiled(servers.profileEcho, echoConvs),
    qa: await profiled(servers.profileQa, qaConvs),
  };
  for (const c of [...echoConvs, ...qaConvs, ...repConvs]) c.close();
  return {
    levels: out,
    profiles,
    ...(capacity ? { capacity } : {}),
    ...(repConvs.length > 0 ? { replicas: replicaUrls.length } : {}),
  };
}

async function capacities(
  plan: TurnPlan,
  qaConvs: DirectLineConversation[],
  repConvs: DirectLineConversation[],
): Promise<NonNullable<TurnsSection['capacity']>> {
  const { plan: steps, pool } = plan.capacity!;
  const op = async (conv: DirectLineConversation, n: number) =>
    (await conv.turn(plan.questions[n % plan.questions.length]!, DECLINE)).answerMs;
  const qa = await capacityAtObjective(qaConvs.slice(0, pool), steps, op);
  if (repConvs.length === 0) return { qa };
  const qaReplicas = await capacityAtObjective(repConvs.slice(0, pool), steps, op);
  return { qa, qaReplicas, replicasOverOne: ratio(qaReplicas.turnsPerSecond, qa.turnsPerSecond) };
}
