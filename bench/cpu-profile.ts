import { Session } from 'node:inspector';

/** Where a process spent its CPU while profiled: shares by area and the heaviest functions by self time. */
export interface ProfileSummary {
  sampledMs: number;
  /** Self time by area (PGlite/WASM, the Agents SDK, our src, …) as a fraction of sampled time. */
  areas: Array<{ area: string; share: number }>;
  top: Array<{ fn: string; where: string; share: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const AREAS: Array<[string, RegExp]> = [
  ['PGlite (Postgres in WASM)', /@electric-sql|wasm:\/\//],
  ['Agents SDK (bot framework, dialogs)', /@microsoft\/agents/],
  [
    'Express, ws and HTTP',
    /node_modules\/(express|router|body-parser|ws|pino|helmet|rate-limiter-flexible)\//,
  ],
  ['zod', /node_modules\/zod\//],
  ['tiepdan src/ and dialogs/', /dist\/(src|dialogs)\//],
  ['other node_modules', /node_modules\//],
  ['Node.js internals', /^node:|^internal\//],
];

function areaOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(program)') return fn;
  for (const [name, re] of AREAS) if (re.test(url)) return name;
  // Builtins (writev, dispatch, hashing…) have no script: one row, not one per builtin.
  return url ? 'other' : 'native builtins (I/O, crypto, microtasks)';
}

/** Sums self time per area and per function; idle time is left out of the shares. */
export function summariseProfile(profile: Profile, topN = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const areas = new Map<string, number>();
  const fns = new Map<string, { fn: string; where: string; us: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    const { functionName, url, lineNumber } = node.callFrame;
    total += us;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const where = url ? `${url.replace(/^.*?\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : area;
    const key = `${functionName}@${where}`;
    const f = fns.get(key) ?? { fn: functionName || '(anonymous)', where, us: 0 };
    f.us += us;
    fns.set(key, f);
  });
  const share = (us: number) => (total === 0 ? 0 : Math.round((us / total) * 1000) / 1000);
  return {
    sampledMs: Math.round(total / 1000),
    areas: [...areas].map(([area, us]) => ({ area, share: share(us) })).sort((a, b) => b.share - a.share),
    top: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((f) => ({ fn: f.fn, where: f.where, share: share(f.us) })),
  };
}

/** A CPU profiler over the inspector protocol, started and stopped around one measured run. */
export class CpuProfiler {
  private readonly session = new Session();

  private post<T>(method: string, params: object = {}): Promise<T> {
    return new Promise((resolve, reject) =>
      this.session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))),
    );
  }

  /** Starts sampling. */
  async start(): Promise<void> {
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.start');
  }

  /** Stops sampling and summarises. */
  async stop(): Promise<ProfileSummary> {
    const { profile } = await this.post<{ profile: Profile }>('Profiler.stop');
    this.session.disconnect();
    return summariseProfile(profile);
  }
}
