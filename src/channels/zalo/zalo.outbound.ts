import type { Logger } from 'pino';
import type { DeliveryResult, OutboundChannel, OutboundMessage } from '../../ports';
import type { ZaloClient } from './zalo.client';
import { ZaloApiError } from './zalo.errors';
import type { ZaloRepository } from './zalo.repository';
import { numberedChoices, splitMessage } from './zalo.text';
import type { Timer } from '../../reference/clock';
import type { LinkAllowList } from '../../http/link-allow-list';
import { ownOriginOnly } from '../../text/link-policy';
import { plainTextOf } from '../../text/plain-text';

/** Dependencies of the Zalo outbound channel. */
export interface ZaloOutboundDeps {
  client: ZaloClient;
  repo: ZaloRepository;
  logger: Logger;
  clock: Timer;
  /** Which links messages may carry (without it: links to our own pages only). */
  links?: LinkAllowList;
}

/**
 * Delivers messages to citizens on Zalo. Each ≤ 2,000-character part has its own delivery key (message id + part
 * number) recorded after Zalo accepts it, so a retried delivery sends only the parts that did not go out.
 */
export class ZaloOutboundChannel implements OutboundChannel {
  readonly channel = 'zalo';

  constructor(private readonly deps: ZaloOutboundDeps) {}

  /** Sends the message (choices as a numbered list); permanent Zalo refusals are reported as such. */
  async deliver(message: OutboundMessage): Promise<DeliveryResult> {
    const { client, repo, clock, logger } = this.deps;
    // Zalo shows text as typed: Markdown becomes plain text, links only where the allow-list lets them go.
    const policy = (await this.deps.links?.policy()) ?? ownOriginOnly();
    const text = plainTextOf(message.text, policy);
    const parts = splitMessage(numberedChoices(text, message.suggestedActions ?? []));
    const ids: string[] = [];
    try {
      for (const [i, part] of parts.entries()) {
        const key = `${message.id}#${i}`;
        const already = await repo.sentFor(key);
        if (already.length > 0) {
          ids.push(...already);
          continue;
        }
        const id = await client.sendText(message.to.userId, part);
        await repo.recordSent([id], message.to.userId, key, clock.now(), part);
        ids.push(id);
      }
      return { ok: true, externalId: ids.join(',') };
    } catch (err) {
      if (!(err instanceof ZaloApiError)) throw err;
      logger.warn(
        { code: err.code, permanent: err.permanent, messageId: message.id },
        'Zalo delivery failed',
      );
      const reason = err.outsideWindow ? 'outside_window' : `zalo_${err.code}`;
      return { ok: false, permanent: err.permanent, error: `${reason}: ${err.message}` };
    }
  }
}
