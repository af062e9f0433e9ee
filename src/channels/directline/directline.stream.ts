import type { IncomingMessage, Server } from 'node:http';
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
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) {
      // Not ours: leave it to another upgrade listener, or refuse it when there is none.
      if (server.listenerCount('upgrade') === 1) reject(socket, new AppError('not_found', 404));
      return;
    }
    authorise(deps, decodeURIComponent(match[1]!), url.searchParams.get('t')).then(
      (conversationId) =>
        wss.handleUpgrade(req, socket, head, (ws) => {
          open.get(conversationId)?.close(4000, 'collision');
          open.set(conversationId, ws);
          ws.once('close', () => {
            if (open.get(conversationId) === ws) open.delete(conversationId);
          });
          serve(ws, conversationId, parseWatermark(url.searchParams.get('watermark') ?? undefined), deps);
        }),
      (err: unknown) => reject(socket, err),
    );
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

async function authorise(deps: StreamDeps, conversationId: string, token: string | null): Promise<string> {
  if (!token) throw new AppError('unauthorized', 401);
  const claims = deps.tokens.verify(token);
  if (claims.conv !== conversationId) throw new AppError('conversation_forbidden', 403);
  await deps.service.existing(conversationId);
  return conversationId;
}

function reject(socket: Duplex, err: unknown): void {
  const status = err instanceof AppError ? err.status : 500;
  const text =
    status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Error';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
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
    if (event.kind === 'stored') pump();
    else if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ activities: [event.activity] }));
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
