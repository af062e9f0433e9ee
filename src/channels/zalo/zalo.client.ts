import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config/config';
import { RATE_LIMITED, TOKEN_ERRORS, ZaloApiError } from './zalo.errors';
import { ZALO_TEXT_LIMIT } from './zalo.text';
import type { ZaloTokenStore } from './zalo.token-store';

/** Dependencies of the OA client. */
export interface ZaloClientDeps {
  config: ZaloConfig;
  tokens: ZaloTokenStore;
  logger: Logger;
  fetch?: typeof fetch;
}

interface ZaloResponse {
  error?: number | string;
  message?: string;
  data?: Record<string, unknown>;
}

/** A user's profile as the OA sees it. */
export interface ZaloProfile {
  userId: string;
  displayName: string;
  isFollower: boolean;
}

/** A thin typed client for the OA Open API v3 (send, upload, profile); tokens come from the store. */
export class ZaloClient {
  private readonly fetchFn: typeof fetch;

  constructor(private readonly deps: ZaloClientDeps) {
    this.fetchFn = deps.fetch ?? fetch;
  }

  /** Sends one text message (≤ 2,000 characters; split longer text with splitMessage); returns Zalo's message id. */
  async sendText(userId: string, text: string): Promise<string> {
    if (text.length > ZALO_TEXT_LIMIT)
      throw new ZaloApiError(-201, `text longer than ${ZALO_TEXT_LIMIT} characters`);
    const data = await this.call('/v3.0/oa/message/cs', {
      recipient: { user_id: userId },
      message: { text },
    });
    return String(data.message_id ?? '');
  }

  /**
   * Sends a template message (Zalo's transaction / ZNS-style route, allowed outside the 7-day window) to `path`
   * with the configured template id; `trackingId` lets Zalo's receipts name our delivery.
   */
  async sendTemplate(
    path: string,
    userId: string,
    templateId: string,
    templateData: Record<string, string>,
    trackingId: string,
  ): Promise<string> {
    const data = await this.call(path, {
      recipient: { user_id: userId },
      template_id: templateId,
      template_data: templateData,
      tracking_id: trackingId,
    });
    return String(data.msg_id ?? data.message_id ?? '');
  }

  /** Sends an image by public URL or by an attachment id from uploadImage, with an optional caption. */
  async sendImage(
    userId: string,
    image: { url: string } | { attachmentId: string },
    caption?: string,
  ): Promise<string> {
    const element =
      'url' in image
        ? { media_type: 'image', url: image.url }
        : { media_type: 'image', attachment_id: image.attachmentId };
    const data = await this.call('/v3.0/oa/message/cs', {
      recipient: { user_id: userId },
      message: {
        ...(caption ? { text: caption } : {}),
        attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } },
      },
    });
    return String(data.message_id ?? '');
  }

  /** Asks the user to share name and phone; the answer arrives later as a user_submit_info event. */
  async requestUserInfo(
    userId: string,
    card: { title: string; subtitle: string; imageUrl?: string },
  ): Promise<string> {
    const element = {
      title: card.title,
      subtitle: card.subtitle,
      ...(card.imageUrl ? { image_url: card.imageUrl } : {}),
    };
    const data = await this.call('/v3.0/oa/message/cs', {
      recipient: { user_id: userId },
      message: {
        attachment: {
          type: 'template',
          payload: { template_type: 'request_user_info', elements: [element] },
        },
      },
    });
    return String(data.message_id ?? '');
  }

  /** Reads a follower's profile. */
  async getProfile(userId: string): Promise<ZaloProfile> {
    const query = encodeURIComponent(JSON.stringify({ user_id: userId }));
    const data = await this.call(`/v3.0/oa/user/detail?data=${query}`);
    return {
      userId,
      displayName: String(data.display_name ?? ''),
      isFollower: data.user_is_follower === true || data.user_is_follower === 'true',
    };
  }

  /** Reads the OA's own profile: the cheapest call that proves a token pair works (refreshing it if needed). */
  async oaInfo(): Promise<{ oaId: string; name: string }> {
    const data = await this.call('/v2.0/oa/getoa');
    return { oaId: String(data.oa_id ?? ''), name: String(data.name ?? '') };
  }

  /** Uploads a jpg/png (≤ 1 MB) and returns its attachment id (valid about 7 days). */
  async uploadImage(bytes: Uint8Array<ArrayBuffer>, fileName: string, contentType: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: contentType }), fileName);
    const data = await this.call('/v2.0/oa/upload/image', undefined, form);
    return String(data.attachment_id ?? '');
  }

  /** One API call: token from the store, `error != 0` is a failure, -216/-220 refresh the token and retry once. */
  private async call(path: string, json?: unknown, form?: FormData): Promise<Record<string, unknown>> {
    let token = await this.deps.tokens.accessToken();
    for (let attempt = 0; ; attempt++) {
      const body = await this.request(path, token, json, form);
      const code = Number(body.error ?? 0);
      if (code === 0) return body.data ?? {};
      if (TOKEN_ERRORS.has(code) && attempt === 0) {
        token = await this.deps.tokens.refresh(token);
        continue;
      }
      if (code === RATE_LIMITED) this.deps.logger.warn({ path }, 'Zalo rate limit reached');
      throw new ZaloApiError(code, body.message ?? 'unknown error');
    }
  }

  private async request(path: string, token: string, json?: unknown, form?: FormData): Promise<ZaloResponse> {
    const { config } = this.deps;
    const method = json === undefined && form === undefined ? 'GET' : 'POST';
    const headers: Record<string, string> = { access_token: token };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchFn(`${config.apiBaseUrl}${path}`, {
        method,
        headers,
        body: form ?? (json === undefined ? undefined : JSON.stringify(json)),
        signal: AbortSignal.timeout(config.httpTimeoutMs),
      });
    } catch (err) {
      throw new ZaloApiError(-1, `network: ${err instanceof Error ? err.message : String(err)}`, false);
    }
    const body = (await res.json().catch(() => undefined)) as ZaloResponse | undefined;
    if (!body || typeof body !== 'object')
      throw new ZaloApiError(-1, `HTTP ${res.status} without a JSON body`, false);
    return body;
  }
}
