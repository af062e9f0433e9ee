const UPLOAD_PATH = /\/v3\/directline\/attachments\/([0-9a-f-]{36})$/;

/** The upload id when the URL is one of our web-chat upload URLs (any query ignored), else undefined. */
export function uploadIdOf(url: string): string | undefined {
  return UPLOAD_PATH.exec(url.split('?')[0] ?? '')?.[1];
}
