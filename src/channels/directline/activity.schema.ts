import { Activity } from '@microsoft/agents-activity';
import { z } from 'zod';
import { AppError } from '../../http/errors';

/** Longest accepted message text (a citizen's description fits comfortably; a pasted document does not). */
export const MAX_TEXT_CHARS = 8_000;
/** Largest accepted serialised activity, in characters (Azure allows 256K; our messages are small). */
export const MAX_ACTIVITY_CHARS = 64_000;

const attachment = z
  .object({
    contentType: z.string().max(200),
    contentUrl: z.string().max(2_000).optional(),
    name: z.string().max(300).optional(),
    content: z.unknown().optional(),
  })
  .passthrough();

/** What a client may post: the fields Web Chat and DirectLineJS send. The server sets ids, from and timestamps. */
export const postedActivitySchema = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().max(MAX_TEXT_CHARS).optional(),
    textFormat: z.string().max(20).optional(),
    locale: z.string().max(20).optional(),
    name: z.string().max(200).optional(),
    value: z.unknown().optional(),
    from: z
      .object({ id: z.string().max(200).optional(), name: z.string().max(200).optional() })
      .passthrough()
      .optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    attachments: z.array(attachment).max(10).optional(),
    entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  })
  .passthrough();

/** A posted activity after validation. */
export type PostedActivity = z.infer<typeof postedActivitySchema>;

/** Optional TokenParameters of tokens/generate and POST /conversations. */
export const tokenParametersSchema = z
  .object({
    user: z
      .object({ id: z.string().min(1).max(200).optional(), name: z.string().max(200).optional() })
      .optional(),
    locale: z.string().max(20).optional(),
  })
  .passthrough();

/** Validates a posted body: size first (deep nesting cannot be serialised), then the schema; 400s otherwise. */
export function parsePostedActivity(body: unknown): PostedActivity {
  if (serializedLength(body) > MAX_ACTIVITY_CHARS) throw new AppError('activity_too_large', 400);
  const parsed = postedActivitySchema.safeParse(body);
  if (!parsed.success)
    throw new AppError(
      'activity_invalid',
      400,
      undefined,
      parsed.error.issues.map((i) => i.path.join('.')),
    );
  return parsed.data;
}

/**
 * Fields we pass through unchecked (attachmentLayout, suggestedActions, replyToId, …) are typed by the Agents SDK:
 * one it refuses would fail the bot's turn (a 502) after the message was stored. Refuse it here instead, as a 400.
 */
export function assertSdkAccepts(activity: Record<string, unknown>): void {
  try {
    Activity.fromObject(activity);
  } catch (err) {
    const issues = (err as { issues?: Array<{ path: Array<string | number> }> }).issues;
    throw new AppError(
      'activity_invalid',
      400,
      undefined,
      issues?.map((i) => i.path.join('.')),
    );
  }
}

// JSON.stringify recurses: a body nested a few hundred thousand levels deep (JSON.parse accepts it) overflows the
// stack. Such a body is too large for an activity anyway (found by the fuzzer: it was a 500).
function serializedLength(body: unknown): number {
  try {
    return JSON.stringify(body ?? null).length;
  } catch {
    return Infinity;
  }
}
