import { vi } from '../src/i18n/strings.vi';
import { DirectLineConversation } from './directline.driver';
import { closedLoop, type LoadFigures } from './load';
import type { ProfileSummary } from './cpu-profile';
import { ratio, since } from './stats';

/** The three servers compared at each concurrency. */
export interface TurnServers {
  helloUrl: string;
  echoUrl: string;
  qaUrl: string;
  secret: string;
  /** CPU profilers of the echo and QA server processes. */
  profileEcho: (command: 'start' | 'stop') => Promise<ProfileSummary | null>;
  profileQa: (command: 'start' | 'stop') => Promise<ProfileSummary | null>;
}

/** The turn section: every level, and where the servers spent their CPU at the highest one. */
export interface TurnsSection {
  levels: TurnLevel[];
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
}

const DECLINE = { offer: vi.bot.ask.forwardYes, no: vi.bot.no };

async function conversations(url: string, secret: string, n: number): Promise<DirectLineConversation[]> {
  const out: DirectLineConversation[] = [];
  // A few at a time: starting 32 at once measures the greeting, not the turn.
  for (let i = 0; i < n; i += 4)
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(4, n - i) }, () => DirectLineConversation.start(url, secret)),
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

/** Runs hello, echo and QA back to back at each concurrency (interleaved, so drift hits all three alike). */
export async function benchTurns(
  servers: TurnServers,
  levels: readonly number[],
  durationMs: number,
  questions: readonly string[],
): Promise<TurnsSection> {
  const max = Math.max(...levels);
  const echoConvs = await conversations(servers.echoUrl, servers.secret, max);
  const qaConvs = await conversations(servers.qaUrl, servers.secret, max);
  // Warm-up: one turn per conversation (JIT, caches, the admin-units index loaded on the first question).
  await Promise.all(echoConvs.map((c, i) => c.turn(questions[i % questions.length]!, DECLINE)));
  await Promise.all(qaConvs.map((c, i) => c.turn(questions[i % questions.length]!, DECLINE)));
  const out: TurnLevel[] = [];
  for (const concurrency of levels) {
    const hello = await closedLoop(concurrency, durationMs, async () => {
      const t = performance.now();
      const res = await fetch(`${servers.helloUrl}/hello`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`hello: HTTP ${res.status}`);
      return since(t);
    });
    const echo = await turnLoad(echoConvs, concurrency, durationMs, questions, { n: 0 });
    const ungrounded = { n: 0 };
    const qa = await turnLoad(qaConvs, concurrency, durationMs, questions, ungrounded);
    out.push({
      concurrency,
      hello,
      echo,
      qa,
      qaOverEchoThroughput: ratio(qa.throughput, echo.throughput),
      echoOverHelloThroughput: ratio(echo.throughput, hello.throughput),
      qaOverEchoP99: ratio(qa.latency.p99, echo.latency.p99),
      qaUngrounded: ungrounded.n,
    });
  }
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
  for (const c of [...echoConvs, ...qaConvs]) c.close();
  return { levels: out, profiles };
}
