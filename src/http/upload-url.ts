// Web-chat uploads, and photos the Zalo channel downloaded from Zalo's CDN on receipt.
const UPLOAD_PATH = /\/(?:v3\/directline\/attachments|channels\/zalo\/media)\/([0-9a-f-]{36})$/;

/** The upload id when the URL is one of our upload URLs (web chat or Zalo; any query ignored), else undefined. */
export function uploadIdOf(url: string): string | undefined {
  return UPLOAD_PATH.exec(url.split('?')[0] ?? '')?.[1];
}
