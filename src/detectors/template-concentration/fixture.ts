/** Fixture: a cluster sharing its own templates; a university cohort with its own homework each; benchmark runners on public items. */
import { makeMany } from '../fixture-kit.js';

export const suspicious = makeMany('op', 10, (i) => ({
  templates: { 'op-a': 50, 'op-b': 30, [`op-x${i}`]: 5 },
}));
export const holders: Record<string, number> = {
  'op-a': 10,
  'op-b': 11,
  'mmlu-item': 400,
  'gsm8k-item': 350,
};
export const benignLookAlike = makeMany('student', 10, (i) => ({
  templates: { [`hw-${i}`]: 5, [`hw-${i + 1}`]: 3 },
}));
export const benchmarkRunners = makeMany('bench', 6, () => ({
  templates: { 'mmlu-item': 100, 'gsm8k-item': 100 },
}));
