/** Fixture: private templates (held only inside) versus public benchmark items (held by hundreds outside). */
import { makeMany } from '../fixture-kit.js';

export const holders: Record<string, number> = { 'op-a': 12, 'mmlu-item': 400, 'gsm8k-item': 350 };
export const suspicious = makeMany('op', 10, () => ({ templates: { 'op-a': 50 } }));
export const benignLookAlike = makeMany('bench', 6, () => ({
  templates: { 'mmlu-item': 100, 'gsm8k-item': 100 },
}));
