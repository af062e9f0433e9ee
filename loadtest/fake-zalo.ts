import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the fake OA accepted. */
export interface SentMessage {
  messageId: string;
  userId: string;
  text?: string;
  attachment?: unknown;
}

/**
 * A stand-in for Zalo's servers on loopback, speaking the documented OA v3 and OAuth v4 shapes: `access_token`
 * header, `{error, message, data}` bodies with HTTP 200 even for failures, single-use refresh tokens.
 */
export class FakeZalo {
  readonly sent: SentMessage[] = [];
  /** Called for every accepted send (the load suite wakes the citizen waiting for a reply). */
  onSend: ((message: SentMessage) => void) | undefined;
  readonly refreshCalls: string[] = [];
  readonly uploads: Array<{ size: number; type: string }> = [];
  accessToken = `at-${randomBytes(6).toString('hex')}`;
  refreshToken = `rt-${randomBytes(6).toString('hex')}`;
  /** Users whose 7-day window is closed (-230) or who do not follow the OA (-213). */
  readonly closedWindow = new Set<string>();
  readonly notFollowing = new Set<string>();
  /** Error codes to return for the next sends, in order. */
  readonly failQueue: number[] = [];
  /** Fail once with `code` when this many messages have been accepted (a send that breaks midway). */
  failAfterSent: { count: number; code: number } | undefined;
  /** Sends left unanswered (the client's timeout fires; Zalo never accepted them). */
  hangSends = 0;
  /** Users whose window closed with -232 (interaction expired) rather than -230. */
  readonly expiredInteraction = new Set<string>();
  /** Template (proactive) messages accepted, and the error code to refuse them with (0: accept). */
  readonly templates: Array<{ path: string; body: unknown }> = [];
  templateError = 0;
  /** Photos served at /media/<name> (a stand-in for Zalo's CDN). */
  readonly media = new Map<string, { type: string; bytes: Buffer }>();
  /** Delay before answering any request. */
  delayMs = 0;
  /** Delay before answering the OAuth refresh (to widen race windows). */
  refreshDelayMs = 0;
  /** The base URL once started. */
  baseUrl = '';
  private server: http.Server | undefined;
  private counter = 0;

  constructor(readonly appSecret = 'app-secret-123456') {}

  /** Starts listening on 127.0.0.1 and returns the base URL. */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The OA withdrew the app's grant: the access token and the refresh token both stop working. */
  revokeGrant(): void {
    this.accessToken = `at-${randomBytes(6).toString('hex')}`;
    this.refreshToken = `rt-${randomBytes(6).toString('hex')}`;
  }

  /** A new grant (the administrator re-authorised the app): returns the pair Zalo would hand out. */
  grant(): { accessToken: string; refreshToken: string } {
    this.revokeGrant();
    return { accessToken: this.accessToken, refreshToken: this.refreshToken };
  }

  /** Makes the current access token invalid, as Zalo does when it expires. */
  expireAccessToken(): void {
    this.accessToken = `at-${randomBytes(6).toString('hex')}`;
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const url = new URL(req.url ?? '/', 'http://x');
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (url.pathname === '/v4/oa/access_token' && req.method === 'POST')
      return reply(200, await this.oauth(req, body));
    const photo = url.pathname.startsWith('/media/') ? this.media.get(url.pathname.slice(7)) : undefined;
    if (photo) {
      res.writeHead(200, { 'Content-Type': photo.type, 'Content-Length': photo.bytes.length });
      return void res.end(photo.bytes);
    }
    if (req.headers.access_token !== this.accessToken) {
      return reply(200, { error: -216, message: 'Access token is invalid' });
    }
    if (url.pathname === '/v3.0/oa/message/cs' && req.method === 'POST') {
      if (this.hangSends > 0) {
        this.hangSends--;
        return; // never answered: the client gives up on its timeout
      }
      return reply(200, this.send(body));
    }
    if (
      url.pathname.includes('/message/') &&
      url.pathname !== '/v3.0/oa/message/cs' &&
      req.method === 'POST'
    ) {
      if (this.templateError) return reply(200, { error: this.templateError, message: 'template refused' });
      this.templates.push({ path: url.pathname, body: JSON.parse(body.toString('utf8')) as unknown });
      return reply(200, { error: 0, message: 'Success', data: { msg_id: `tpl-${++this.counter}` } });
    }
    if (url.pathname === '/v3.0/oa/user/detail' && req.method === 'GET') {
      const data = JSON.parse(url.searchParams.get('data') ?? '{}') as { user_id?: string };
      return reply(200, {
        error: 0,
        message: 'Success',
        data: {
          user_id: data.user_id,
          display_name: 'Người dân',
          user_is_follower: !this.notFollowing.has(String(data.user_id)),
        },
      });
    }
    if (url.pathname === '/v2.0/oa/getoa' && req.method === 'GET')
      return reply(200, {
        error: 0,
        message: 'Success',
        data: { oa_id: '3886132808788', name: 'UBND tỉnh' },
      });
    if (url.pathname === '/v2.0/oa/upload/image' && req.method === 'POST') {
      this.uploads.push({ size: body.length, type: String(req.headers['content-type']) });
      return reply(200, { error: 0, message: 'Success', data: { attachment_id: `att-${++this.counter}` } });
    }
    reply(404, { error: 404, message: 'not found' });
  }

  private send(raw: Buffer): unknown {
    const body = JSON.parse(raw.toString('utf8')) as {
      recipient?: { user_id?: string };
      message?: { text?: string; attachment?: unknown };
    };
    const userId = body.recipient?.user_id;
    if (!userId || !body.message) return { error: -201, message: 'recipient or message is invalid' };
    if (body.message.text !== undefined && body.message.text.length > 2000)
      return { error: -201, message: 'text is too long' };
    if (this.failAfterSent && this.sent.length === this.failAfterSent.count) {
      const code = this.failAfterSent.code;
      this.failAfterSent = undefined;
      return { error: code, message: `forced error ${code}` };
    }
    const queued = this.failQueue.shift();
    if (queued !== undefined) return { error: queued, message: `forced error ${queued}` };
    if (this.expiredInteraction.has(userId)) return { error: -232, message: 'User interaction expired' };
    if (this.closedWindow.has(userId))
      return { error: -230, message: 'User has not interacted with the OA in the past 7 days' };
    if (this.notFollowing.has(userId)) return { error: -213, message: 'User has not followed OA' };
    const messageId = createHash('md5').update(`${++this.counter}`).digest('hex').slice(0, 20);
    const sent = { messageId, userId, text: body.message.text, attachment: body.message.attachment };
    this.sent.push(sent);
    this.onSend?.(sent);
    return {
      error: 0,
      message: 'Success',
      data: {
        message_id: messageId,
        user_id: userId,
        quota: { quota_type: 'reply', remain: '7', total: '8' },
      },
    };
  }

  private async oauth(req: http.IncomingMessage, raw: Buffer): Promise<unknown> {
    const form = new URLSearchParams(raw.toString('utf8'));
    this.refreshCalls.push(form.get('refresh_token') ?? '');
    if (this.refreshDelayMs) await new Promise((r) => setTimeout(r, this.refreshDelayMs));
    if (req.headers.secret_key !== this.appSecret)
      return { error: -14002, error_name: 'Invalid secret key', error_description: 'secret_key is invalid' };
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.refreshToken) {
      return {
        error: -14014,
        error_name: 'Invalid refresh token',
        error_description: 'Refresh token is invalid or already used',
      };
    }
    this.accessToken = `at-${randomBytes(6).toString('hex')}`;
    this.refreshToken = `rt-${randomBytes(6).toString('hex')}`;
    return { access_token: this.accessToken, refresh_token: this.refreshToken, expires_in: '90000' };
  }
}

/** Signs a webhook body as Zalo does: `mac=` + hex(sha256(app_id + body + timestamp + secret)). */
export function signWebhook(body: string, appId: string, timestamp: string, secret: string): string {
  return `mac=${createHash('sha256').update(`${appId}${body}${timestamp}${secret}`, 'utf8').digest('hex')}`;
}
