/** A source of "now"; tests pass a fake one. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/** Waits `ms` milliseconds; tests pass one that returns at once. */
export type Sleep = (ms: number) => Promise<void>;

/** A clock that can also wait (the Zalo token store waits for another replica's refresh); tests control both. */
export interface Timer {
  now: Clock;
  sleep: Sleep;
}

/** The real clock and the real timer. */
export const systemTimer: Timer = {
  now: systemClock,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
