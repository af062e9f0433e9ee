import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config/config';
import { vi } from '../../i18n/strings.vi';
import type { DeliveryResult, OutboundChannel, OutboundMessage } from '../../ports';
import type { ChannelAlertRepository } from '../../tickets/notify/channel-alerts.repository';
import type { ZaloClient } from './zalo.client';
import { TOKEN_ERRORS, ZaloApiError } from './zalo.errors';
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
  /** Where quota and permission problems are reported to administrators. */
  alerts?: ChannelAlertRepository;
  /** The proactive route for ticket messages after the 7-day window (off when unset). */
  template?: ZaloConfig['template'];
  /** The public tracking page's address, told to citizens at filing when there is no proactive route. */
  trackingUrl?: string;
  /** Which links messages may carry (without it: links to our own pages only). */
  links?: LinkAllowList;
}

// A template parameter holds a short text: the start of the message, the rest is on /tra-cuu.
const TEMPLATE_TEXT_LIMIT = 200;

/**
 * Delivers messages to citizens on Zalo. Each ≤ 2,000-character part has its own delivery key (message id + part
 * number) recorded after Zalo accepts it, so a retried delivery sends only the parts that did not go out. A ticket
 * message refused because the window closed goes by the configured template instead, when there is one.
 */
export class ZaloOutboundChannel implements OutboundChannel {
  readonly channel = 'zalo';

  constructor(private readonly deps: ZaloOutboundDeps) {}

  /** Sends the message (choices as a numbered list); permanent Zalo refusals are reported as such. */
  async deliver(message: OutboundMessage): Promise<DeliveryResult> {
    try {
      return await this.sendParts(this.withTrackingNote(message));
    } catch (err) {
      if (!(err instanceof ZaloApiError)) throw err;
      if (err.outsideWindow && message.ticket && this.deps.template) return this.byTemplate(message, err);
      return this.failure(message, err);
    }
  }

  /**
   * Without a proactive route an answer due after the 7-day window cannot reach the citizen on Zalo until they
   * write again: the filing receipt says so, and where the answer will also be.
   */
  private withTrackingNote(message: OutboundMessage): OutboundMessage {
    if (this.deps.template || message.ticket?.event !== 'created') return message;
    const url = this.deps.trackingUrl ?? '/tra-cuu';
    const note = vi.zalo.answerAlsoOnline(message.ticket.trackingCode, url);
    return { ...message, text: `${message.text}\n\n${note}` };
  }

  private async sendParts(message: OutboundMessage): Promise<DeliveryResult> {
    const { client, repo, clock } = this.deps;
    const parts = splitMessage(
      numberedChoices(await this.plain(message.text), message.suggestedActions ?? []),
    );
    const ids: string[] = [];
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
  }

  // Zalo shows text as typed: Markdown becomes plain text, links only where the allow-list lets them go.
  private async plain(text: string): Promise<string> {
    const policy = (await this.deps.links?.policy()) ?? ownOriginOnly();
    return plainTextOf(text, policy);
  }

  private async byTemplate(message: OutboundMessage, refused: ZaloApiError): Promise<DeliveryResult> {
    const { client, repo, clock, template } = this.deps;
    const key = `${message.id}#template`;
    try {
      const already = await repo.sentFor(key);
      if (already.length > 0) return { ok: true, externalId: already.join(','), via: 'template' };
      const data = {
        ma_tra_cuu: message.ticket!.trackingCode,
        noi_dung: (await this.plain(message.text)).slice(0, TEMPLATE_TEXT_LIMIT),
      };
      const id = await client.sendTemplate(
        template!.path,
        message.to.userId,
        template!.templateId,
        data,
        key,
      );
      await repo.recordSent([id || key], message.to.userId, key, clock.now(), message.text);
      return { ok: true, externalId: id, via: 'template' };
    } catch (err) {
      if (!(err instanceof ZaloApiError)) throw err;
      await this.alertIfNeeded(err);
      // Refused too: the message waits for the citizen's next message, like one with no template route.
      return this.failure(message, refused, `template ${err.code}`);
    }
  }

  private async failure(
    message: OutboundMessage,
    err: ZaloApiError,
    extra?: string,
  ): Promise<DeliveryResult> {
    this.deps.logger.warn(
      { code: err.code, permanent: err.permanent, messageId: message.id },
      'Zalo delivery failed',
    );
    await this.alertIfNeeded(err);
    const reason = err.outsideWindow ? 'outside_window' : `zalo_${err.code}`;
    const detail = extra ? `${err.message}; ${extra}` : err.message;
    return { ok: false, permanent: err.permanent, error: `${reason}: ${detail}` };
  }

  private async alertIfNeeded(err: ZaloApiError): Promise<void> {
    const grant = TOKEN_ERRORS.has(err.code);
    if (!err.needsAdministrator && !grant) return;
    await this.deps.alerts?.raise({
      channel: this.channel,
      code: grant ? 'zalo_grant' : `zalo_${err.code}`,
      message: err.message,
      at: this.deps.clock.now(),
    });
  }
}
