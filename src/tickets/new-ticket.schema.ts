import { z } from 'zod';

const conversation = z.object({
  channel: z.string().min(1).max(40),
  conversationId: z.string().min(1).max(300),
  userId: z.string().min(1).max(300),
});

const communeCode = z.string().regex(/^\d{5}$/);

/** The longest description a ticket stores (the bot keeps what fits and says so). */
export const MAX_DESCRIPTION_CHARS = 4000;

/** Input validation for ticket creation (the bot and API clients are both untrusted edges). */
export const newTicketSchema = z.object({
  kind: z.enum(['question', 'feedback', 'complaint', 'denunciation']),
  category: z.string().min(1).max(60).optional(),
  communeCode: communeCode.optional(),
  description: z.string().trim().min(5).max(MAX_DESCRIPTION_CHARS),
  location: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      address: z.string().max(500).optional(),
    })
    .optional(),
  attachments: z
    .array(
      z.object({
        url: z.string().url().max(2000).optional(),
        contentType: z.string().min(1).max(100),
        name: z.string().max(300).optional(),
      }),
    )
    // Ten photos and a few other files (voice messages, videos, links, contact cards).
    .max(15)
    .optional(),
  contact: z
    .object({
      name: z.string().trim().min(1).max(200).optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9 .-]{8,15}$/)
        .optional(),
      consentAt: z.coerce.date(),
    })
    .optional(),
  triage: z
    .object({
      kind: z.enum(['question', 'feedback', 'complaint', 'denunciation', 'track']),
      category: z.string().min(1).max(60),
      commune: z.object({ code: communeCode, name: z.string().max(200) }).nullable(),
    })
    .optional(),
  origin: conversation,
  acknowledged: z.boolean().optional(),
  publish: z.boolean().optional(),
  idempotencyKey: z.string().min(1).max(200),
});

/** A validated ticket input. */
export type NewTicket = z.infer<typeof newTicketSchema>;

/** Validated input with category and commune settled (given, carried from triage, or found by analysis). */
export type ResolvedTicket = Omit<NewTicket, 'communeCode' | 'triage'> & {
  category: string;
  communeCode: string | null;
};
