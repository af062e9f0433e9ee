import { AsyncLocalStorage } from 'node:async_hooks';
import type { StoreItem } from '@microsoft/agents-hosting';

/** A state change a turn made, held back until the turn commits. */
export type StateChange = { kind: 'write'; changes: StoreItem } | { kind: 'delete'; keys: string[] };

/** A reply a turn sent, held back until the turn commits. */
export interface HeldReply {
  conversationId: string;
  activity: Record<string, unknown>;
}

/** What a turn wrote so far (state and replies), and how the channel commits it in one transaction. */
export interface TurnEffects {
  state: StateChange[];
  replies: HeldReply[];
  commit(state: StateChange[], replies: HeldReply[]): Promise<void>;
}

const scope = new AsyncLocalStorage<TurnEffects>();

/** The effects of the turn running in this async context, if a channel runs it as one unit. */
export function currentTurnEffects(): TurnEffects | undefined {
  return scope.getStore();
}

/**
 * Runs a turn whose state writes and replies are held back and committed together by `commit` (with whatever else
 * the channel records, such as the done mark). A process that dies mid-turn leaves nothing half-written behind.
 */
export async function runAsOneUnit(commit: TurnEffects['commit'], turn: () => Promise<void>): Promise<void> {
  const effects: TurnEffects = { state: [], replies: [], commit };
  await scope.run(effects, turn);
  // Whatever came after the bot's own commit (an error reply from onTurnError) is committed here.
  await flushTurnEffects(effects);
}

/** Commits what the current turn holds back; the bot calls it while it still holds the conversation's lock. */
export async function flushTurnEffects(effects = currentTurnEffects()): Promise<void> {
  if (!effects) return;
  const state = effects.state.splice(0);
  const replies = effects.replies.splice(0);
  await effects.commit(state, replies);
}
