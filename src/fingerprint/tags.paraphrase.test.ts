/**
 * Extraction tags on the written paraphrase sets (test-support/paraphrases.ts and
 * paraphrases-fresh.ts): request wordings in 8 languages and benign look-alikes. `dev` was looked
 * at while the concept lexicons were written; `heldout` (written with it), `fresh`, `fresh2` and
 * `fresh3` (each written after the previous round) were each measured once blind and then
 * generalised from; `fresh4` was written last, measured once and never tuned on. First blind
 * recall (CoT / rubric / instruction / censorship): heldout 0.966 / 0.950 / 1.000 / 0.944, fresh
 * 0.727 / 0.879 / 0.828 / 0.552, fresh2 0.545 / 0.818 / 0.909 / 0.591, fresh3 0.455 / 0.591 /
 * 0.818 / 0.455, fresh4 0.750 / 0.833 / 0.875 / 0.583 (docs/fingerprint.md). The floors below
 * leave room for lexicon changes; they are not targets to tune the blind set to.
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

  it.each(TAGS)('sets generalised from: %s keeps precision >= 0.95 and recall >= 0.85', (tag) => {
    for (const half of ['heldout', 'fresh', 'fresh2', 'fresh3'] as const) {
      const s = score(half, tag);
      expect(s.precision, `${half} precision`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${half} recall`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it.each(TAGS)('blind set fresh4: %s keeps precision >= 0.9 and recall >= 0.5', (tag) => {
    const s = score('fresh4', tag);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.5);
  });

  it('never fires on a benign look-alike of any tag (sets tuned on)', () => {
    const fired = set
      .filter((r) => r.tag === null && r.half !== 'fresh4')
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
