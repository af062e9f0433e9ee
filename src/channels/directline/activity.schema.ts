import { z } from 'zod';

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
