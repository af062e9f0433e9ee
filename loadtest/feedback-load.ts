import { vi } from '../src/i18n/strings.vi';
import type { Citizen } from './citizens';

/** One feedback a citizen tried to file, and how far it got. */
export interface FiledFeedback {
  channel: Citizen['channel'];
  conversationId: string;
  description: string;
  /** The server acknowledged the confirmation ("Gửi phản ánh"): from then on a ticket is owed. */
  confirmAcked: boolean;
  /** The activity id of the confirmation (the ticket's idempotency key is built from it). */
  confirmId?: string;
  /** The tracking code the bot gave back. */
  trackingCode?: string;
  /** The step whose expected reply never came (acknowledged but not answered), if any. */
  stalledAt?: number;
  /** The step whose message the server never acknowledged (refused or unreachable), if any. */
  refusedAt?: number;
  /** Each answered step's reply latency (message sent → expected reply seen), in ms. */
  latencies: number[];
}

const f = vi.bot.feedback;

/** A complaint the triage files as feedback about a known commune and category, so the dialog skips those steps. */
export function complaintText(n: number): string {
  return `Cầu tràn ở xã Thiệu Chính bị sạt lở, xe không qua được, đề nghị sửa gấp (phản ánh số ${n})`;
}

const CODE = /\b([A-Z]{2,3}-[2-9A-HJ-NP-Z]{5})\b/;

/** The tracking code a message is about: the first one it names. */
export function firstTrackingCode(text: string): string | undefined {
  return CODE.exec(text)?.[1];
}

/**
 * Files one feedback the way a citizen does: the complaint (prefilled by triage), "Người dân", no photos, no
 * contact, not published, then "Gửi"; each step waits for the bot's next prompt.
 */
export async function fileFeedback(citizen: Citizen, n: number, waitMs: number): Promise<FiledFeedback> {
  const description = complaintText(n);
  const steps: Array<[string, string]> = [
    [description, f.submitterPrompt],
    [f.citizen, f.photosPrompt.slice(0, 40)],
    [vi.bot.skip, f.consentPrompt.slice(0, 40)],
    [vi.bot.skip, f.publishPrompt.slice(0, 40)],
    [f.publishNo, f.confirmPrompt(f.nouns.feedback)],
    [f.confirmYes, 'Mã tra cứu'],
  ];
  const out: FiledFeedback = {
    channel: citizen.channel,
    conversationId: citizen.conversationId,
    description,
    confirmAcked: false,
    latencies: [],
  };
  for (const [index, [text, expect]] of steps.entries()) {
    const said = await citizen.say(text, expect, waitMs);
    if (said.latencyMs !== undefined) out.latencies.push(said.latencyMs);
    const last = index === steps.length - 1;
    if (last && said.acked) {
      out.confirmAcked = true;
      out.confirmId = said.activityId;
    }
    if (!said.acked) out.refusedAt = index;
    else if (!said.matched) out.stalledAt = index;
    else if (last) out.trackingCode = said.replies.map(firstTrackingCode).find(Boolean);
    if (!said.acked || !said.matched) {
      // Whatever state the dialog was left in, "hủy" brings the conversation back to the menu.
      await citizen.say('hủy', '', Math.min(waitMs, 5_000)).catch(() => undefined);
      break;
    }
  }
  return out;
}

/** Progress of a running load, for a kill switch or a progress line. */
export interface LoadProgress {
  started: number;
  confirmed: number;
  /** Open loop: feedbacks that started more than 100 ms after they were due (no citizen was free in time). */
  late?: number;
  /** Open loop: the longest such delay, in ms. */
  maxLagMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Files `total` feedbacks from the given citizens concurrently (each citizen files one at a time, as a person
 * would); `numbering` keeps descriptions unique across runs on the same database. Without `rate` each citizen
 * starts its next feedback as soon as the last one ended (closed loop); with `rate` (feedbacks/s) the k-th
 * feedback is due k/rate s after the start whatever the server does (open loop), taken by a free citizen:
 * one that starts late because every citizen was busy is counted in `progress.late`.
 */
export async function runFeedbackLoad(input: {
  citizens: Citizen[];
  total: number;
  numbering: number;
  waitMs: number;
  progress?: LoadProgress;
  rate?: number;
}): Promise<FiledFeedback[]> {
  const results: FiledFeedback[] = [];
  let next = 0;
  const progress = input.progress ?? { started: 0, confirmed: 0 };
  const t0 = performance.now();
  await Promise.all(
    input.citizens.map(async (citizen) => {
      while (next < input.total) {
        const k = next++;
        const n = input.numbering + k;
        if (input.rate) {
          const lag = performance.now() - (t0 + (k * 1000) / input.rate);
          if (lag < 0) await sleep(-lag);
          else if (lag > 100) {
            progress.late = (progress.late ?? 0) + 1;
            progress.maxLagMs = Math.max(progress.maxLagMs ?? 0, Math.round(lag));
          }
        }
        progress.started++;
        const filed = await fileFeedback(citizen, n, input.waitMs);
        if (filed.confirmAcked) progress.confirmed++;
        results.push(filed);
      }
    }),
  );
  return results;
}
