import { summarize } from '../bench/stats';
import type { FiledFeedback } from './feedback-load';

/**
 * Reply latency per channel (each citizen message sent → the bot's expected reply seen, every step of every
 * feedback) as flat metrics, and the dialogs that did not reach their tracking code on each channel. Direct Line
 * replies are polled every 100 ms, so its figures carry up to that much of the client's own waiting.
 */
export function replyMetrics(filed: FiledFeedback[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [channel, key] of [
    ['directline', 'directLine'],
    ['zalo', 'zalo'],
  ] as const) {
    const mine = filed.filter((x) => x.channel === channel);
    const s = summarize(mine.flatMap((x) => x.latencies));
    out[`${key}Feedbacks`] = mine.length;
    out[`${key}Replies`] = s.count;
    out[`${key}ReplyP50Ms`] = Math.round(s.p50);
    out[`${key}ReplyP95Ms`] = Math.round(s.p95);
    out[`${key}ReplyP99Ms`] = Math.round(s.p99);
    out[`${key}ReplyMaxMs`] = Math.round(s.max);
    out[`${key}Abandoned`] = mine.filter((x) => !x.trackingCode).length;
  }
  return out;
}
