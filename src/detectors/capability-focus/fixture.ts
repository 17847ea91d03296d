/** Fixture: agentic/coding focus versus casual chat and writing. */
import { makeMany } from '../fixture-kit.js';

export const suspicious = makeMany('op', 4, () => ({
  capabilities: { agentic: 50, coding: 40, 'tool-use': 20, chat: 5 },
}));
export const benignLookAlike = makeMany('user', 4, () => ({
  capabilities: { chat: 50, writing: 30, translation: 10, coding: 5 },
}));
