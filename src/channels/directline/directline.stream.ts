import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../../http/errors';
import type { DirectLineHub } from './directline.hub';
import { parseWatermark, type DirectLineService } from './directline.service';
import type { DirectLineTokens } from './directline.token';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

/** What the stream needs. */
export interface StreamDeps {
  service: DirectLineService;
  tokens: DirectLineTokens;
  hub: DirectLineHub;
  logger: Logger;
  /** How often an open stream re-reads the database, to see activities another replica wrote. */
  pollMs: number;
  /** Keep-alive interval: an empty frame, which clients ignore, keeps proxies from closing an idle socket. */
  keepAliveMs?: number;
}

/**
 * The Direct Line WebSocket stream at `streamUrl`: authorised by `t=` (a token scoped to the conversation),
 * replays activities after `watermark`, then pushes each new ActivitySet. Only one socket per conversation:
 * a newer one closes the older with reason `collision`, as Azure does.
 */
export function attachDirectLineStream(server: Server, deps: StreamDeps): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const open = new Map<string, WebSocket>();
  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer, target: StreamTarget): void => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (err) => {
        // A bad frame (oversized, invalid UTF-8, bad opcode) is the client's fault: drop that socket only.
        deps.logger.debug({ err, conversationId: target.conversationId }, 'direct line socket error');
        ws.terminate();
      });
      open.get(target.conversationId)?.close(4000, 'collision');
      open.set(target.conversationId, ws);
      ws.once('close', () => {
        if (open.get(target.conversationId) === ws) open.delete(target.conversationId);
      });
      serve(ws, target.conversationId, target.watermark, deps);
    });
  };
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node removes its own error listener from an upgraded socket: a reset while we authorise must not crash.
    socket.on('error', () => socket.destroy());
    let target: StreamTarget | undefined;
    try {
      target = parseStreamTarget(req.url);
    } catch (err) {
      reject(socket, err);
      return;
    }
    if (!target) {
      // Not ours: leave it to another upgrade listener, or refuse it when there is none.
      if (server.listenerCount('upgrade') === 1) reject(socket, new AppError('not_found', 404));
      return;
    }
    const found = target;
    authorise(deps, found.conversationId, found.token)
      .then(() => accept(req, socket, head, found))
      .catch((err: unknown) => {
        if (!(err instanceof AppError)) deps.logger.warn({ err }, 'direct line upgrade failed');
        reject(socket, err);
      });
  };
  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const ws of open.values()) ws.terminate();
      wss.close();
    },
  };
}

/** What a stream upgrade asks for. */
interface StreamTarget {
  conversationId: string;
  token: string | null;
  watermark: number;
}

/**
 * Reads the upgrade's path and query; undefined when the path is not a stream path, a 400 AppError when it is
 * one that does not decode (`%ZZ`), does not parse as a URL, or carries an unusable id.
 */
export function parseStreamTarget(rawUrl: string | undefined): StreamTarget | undefined {
  let url: URL;
  let conversationId: string;
  try {
    url = new URL(rawUrl ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return undefined;
    conversationId = decodeURIComponent(match[1]!);
  } catch {
    throw new AppError('bad_request', 400);
  }
  if (!/^[\x21-\x7e]{1,200}$/.test(conversationId)) throw new AppError('bad_request', 400);
  const watermark = parseWatermark(url.searchParams.get('watermark') ?? undefined);
  return { conversationId, token: url.searchParams.get('t'), watermark };
}

async function authorise(deps: StreamDeps, conversationId: string, token: string | null): Promise<string> {
  if (!token) throw new AppError('unauthorized', 401);
  const claims = deps.tokens.verify(token);
  if (claims.conv !== conversationId) throw new AppError('conversation_forbidden', 403);
  await deps.service.existing(conversationId);
  return conversationId;
}

function reject(socket: Duplex, err: unknown): void {
  const status = err instanceof AppError ? err.status : 500;
  const text = STATUS_CODES[status] ?? 'Error';
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  // A client that never reads must not keep the socket: end() waits for the peer, destroy() does not.
  setTimeout(() => socket.destroy(), 1000).unref();
}

function serve(ws: WebSocket, conversationId: string, from: number, deps: StreamDeps): void {
  let watermark = from;
  let reading: Promise<void> | undefined;
  let again = false;
  // One read at a time; a signal during a read schedules exactly one more, so nothing is sent twice or skipped.
  const pump = (): void => {
    if (reading) {
      again = true;
      return;
    }
    reading = (async () => {
      do {
        again = false;
        const set = await deps.service.activitiesSince(conversationId, watermark);
        if (set.activities.length > 0 && ws.readyState === ws.OPEN) {
          ws.send(JSON.stringify(set));
          watermark = Number(set.watermark);
        }
      } while (again);
    })()
      .catch((err: unknown) => deps.logger.warn({ err, conversationId }, 'direct line stream read failed'))
      .finally(() => {
        reading = undefined;
      });
  };
  const unsubscribe = deps.hub.subscribe(conversationId, (event) => {
    try {
      if (event.kind === 'stored') pump();
      else if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ activities: [event.activity] }));
    } catch (err) {
      // The publisher is a bot turn on another conversation's path: a failing socket must not fail it.
      deps.logger.warn({ err, conversationId }, 'direct line stream push failed');
    }
  });
  const poll = setInterval(pump, deps.pollMs);
  const keepAlive = setInterval(() => ws.readyState === ws.OPEN && ws.send(''), deps.keepAliveMs ?? 30_000);
  ws.on('message', () => undefined); // client pings are empty frames: nothing to do
  ws.once('close', () => {
    unsubscribe();
    clearInterval(poll);
    clearInterval(keepAlive);
  });
  pump();
}
