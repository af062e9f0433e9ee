import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import { PIN_IN_TEXT, PIN_MASK, SEALED_PIN } from '../text/pin-mask';

/**
 * Keeps PINs out of stored transcripts. The citizen must still read their PIN in the chat (Web Chat reads the
 * stored activities back), so a bot message's PIN is stored sealed (AES-256-GCM under a server key) and opened only
 * on the conversation's own reads; the case page and everything else that reads the table sees a mask.
 */
export class PinSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`tiepdan.pin-seal\0${secret}`).digest();
  }

  /** The text with every PIN after the word "PIN" sealed. */
  seal(text: string): string {
    return text.replace(PIN_IN_TEXT, (_m, lead: string, pin: string) => `${lead}‹pin:${this.encrypt(pin)}›`);
  }

  /** The text with sealed PINs opened (a seal that does not open is masked). */
  reveal(text: string): string {
    return text.replace(SEALED_PIN, (_m, box: string) => this.decrypt(box) ?? PIN_MASK);
  }

  private encrypt(pin: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(pin, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  private decrypt(box: string): string | undefined {
    try {
      const raw = Buffer.from(box, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
