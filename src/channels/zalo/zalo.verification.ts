import { Router } from 'express';
import { html } from '../../http/html';

/**
 * Zalo's domain verification: the console gives a code and asks for `zalo_verifier<code>.html` at the site's
 * root carrying the `zalo-platform-site-verification` meta tag. Served from ZALO_SITE_VERIFICATION, with or
 * without the channel configured (the domain is verified before the webhook can be set).
 */
export function zaloVerificationRoutes(code: string | undefined): Router {
  const router = Router();
  if (!code) return router;
  const page = html`<!doctype html>
    <html>
      <head>
        <meta name="zalo-platform-site-verification" content="${code}" />
      </head>
      <body></body>
    </html>`;
  router.get(`/zalo_verifier${code}.html`, (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(String(page));
  });
  return router;
}
