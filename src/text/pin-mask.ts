// The bot's receipt says "Mã PIN: **123456**": the digits right after the word PIN and a little punctuation.
/** A PIN written after the word "PIN" (group 1: the lead, group 2: the digits). */
export const PIN_IN_TEXT = /(PIN\W{0,6})(\d{6})(?!\d)/g;
/** A PIN stored sealed by the web chat (see channels/pin-seal.ts). */
export const SEALED_PIN = /‹pin:([A-Za-z0-9_-]{20,80})›/g;
/** What staff and every other reader see in place of a PIN. */
export const PIN_MASK = '••••••';

/** A bot message with the PIN after the word "PIN" masked: for copies kept only for staff (Zalo's sent log). */
export function maskStoredPin(text: string): string {
  return text.replace(PIN_IN_TEXT, (_m, lead: string) => `${lead}${PIN_MASK}`);
}

/** Masks PINs for any reader that is not the citizen: sealed ones, ones after the word PIN, and bare 6-digit runs. */
export function maskPins(text: string): string {
  return text
    .replace(SEALED_PIN, PIN_MASK)
    .replace(PIN_IN_TEXT, (_m, lead: string) => `${lead}${PIN_MASK}`)
    .replace(/(?<!\d)\d{6}(?!\d)/g, PIN_MASK);
}
