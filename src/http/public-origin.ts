import type { Request } from 'express';

/**
 * Our public origin, from configuration only: PUBLIC_BASE_URL (required in production), else, in development and
 * tests, the address this socket was accepted on. Never the Host header: a forged Host made an attacker's URL pass
 * the attachment allow-list and pointed streamUrl at the attacker.
 */
export function publicHttpOrigin(req: Request, publicBaseUrl: string | undefined): string {
  if (publicBaseUrl) return publicBaseUrl;
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}`;
}
