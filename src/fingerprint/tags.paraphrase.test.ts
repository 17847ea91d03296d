/**
 * Extraction tags on the written paraphrase set (test-support/paraphrases.ts): request wordings
 * in 8 languages and as many benign look-alikes. The development half was looked at while the
 * concept lexicons were written; the held-out half was only measured (first measurement, never
 * tuned on: cot-elicitation R 0.966, rubric-grading R 0.950, instruction-generation R 1.000,
 * censorship-rewrite R 0.944, no look-alike fired). The floors below leave room for lexicon
 * changes; they are not targets to tune the held-out half to.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractionTag } from '../core/types.js';
import { fingerprint } from './fingerprint.js';
import { type Half, paraphraseSet } from './test-support/paraphrases.js';

const TAGS: ExtractionTag[] = [
  'cot-elicitation',
  'rubric-grading',
  'instruction-generation',
  'censorship-rewrite',
];
const set = paraphraseSet();

function score(half: Half, tag: ExtractionTag) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const r of set.filter((x) => x.half === half)) {
    const fired = fingerprint({ prompt: r.text }).extraction.some((m) => m.tag === tag);
    if (r.tag === tag && fired) tp++;
    else if (r.tag === tag) {
      fn++;
      misses.push(r.text);
    } else if (fired) fp++;
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), misses };
}

describe('extraction tags on written paraphrases', () => {
  it('covers every tag in all 8 languages, with look-alikes, in both halves', () => {
    for (const half of ['dev', 'heldout'] as const)
      for (const tag of TAGS) {
        const rows = set.filter((r) => r.half === half && r.lookalikeOf === tag);
        const languages = (positive: boolean) =>
          new Set(rows.filter((r) => (r.tag !== null) === positive).map((r) => r.language)).size;
        expect(languages(true), `${half} ${tag} positives`).toBe(8);
        expect(languages(false), `${half} ${tag} look-alikes`).toBe(8);
      }
  });

  it.each(TAGS)('development half: %s is recalled and precise', (tag) => {
    const s = score('dev', tag);
    expect(s.misses).toEqual([]);
    expect(s.precision).toBe(1);
  });

  it.each(TAGS)('held-out half: %s keeps precision >= 0.95 and recall >= 0.85', (tag) => {
    const s = score('heldout', tag);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('never fires on a benign look-alike of any tag', () => {
    const fired = set
      .filter((r) => r.tag === null)
      .filter((r) => fingerprint({ prompt: r.text }).extraction.length > 0)
      .map((r) => r.text);
    expect(fired).toEqual([]);
  });

  it('returns the cues it composed as the span', () => {
    const span = (prompt: string) => fingerprint({ prompt }).extraction.map((m) => [m.tag, m.span]);
    expect(span('What is 7 x 8? Before answering, lay out your full reasoning.')).toEqual([
      ['cot-elicitation', 'your full reasoning'],
    ]);
    expect(span('请对下面模型的回答打分，满分10分。')).toEqual([['rubric-grading', '模型的回答打分']]);
    expect(span('Убери из текста всё политически чувствительное.')).toEqual([
      ['censorship-rewrite', 'убери из текста всё политически чувствительное'],
    ]);
  });
});
