/**
 * Tag precision and recall on the development corpora (../shared/corpora/dev), on the tuning slice
 * and on the held-apart report slice. Skipped, with a message, when ../shared is absent.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.js';
import { detectLanguage } from './language.js';
import { LATIN, NUM, scan } from './normalise.js';
import { capabilityTags, extractionTags } from './tags.js';
import { buildExtractionSet, corporaDir, loadCorpus, scoreTags } from './test-support/corpus.js';
import { T_ASCII, triggersOf } from './triggers.js';

const dir = corporaDir();
if (dir === null) console.warn('tags.corpus.test: ../shared/corpora/dev is absent, corpus tests skipped');

describe.skipIf(dir === null)('extraction tags on the dev corpora', () => {
  const set = dir === null ? [] : buildExtractionSet(dir);
  const predict = (r: { text: string; system?: string }) =>
    fingerprint({ prompt: r.text, system: r.system }).extraction.map((m) => m.tag);

  it.each(['tune', 'report'] as const)(
    'keeps precision >= 0.9 and recall >= 0.9 on the %s slice',
    (slice) => {
      const { scores } = scoreTags(
        set.filter((r) => r.slice === slice),
        predict,
      );
      for (const s of scores) {
        expect(s.precision, `${s.tag} precision`).toBeGreaterThanOrEqual(0.9);
        expect(s.recall, `${s.tag} recall`).toBeGreaterThanOrEqual(0.9);
        expect(s.truePositives, `${s.tag} positives`).toBeGreaterThan(10);
      }
    },
  );

  it('skips the concept scan only where it would find nothing (scan gate)', () => {
    let covered = 0;
    for (const r of set) {
      const s = scan(r.text);
      const language = detectLanguage(s);
      if (language !== 'en' && language !== 'und') continue;
      if (s.scripts.some((n, script) => script !== LATIN && n > 0)) continue;
      covered++;
      const { words, spans } = triggersOf(s);
      expect(extractionTags(s.text, words, ['en'], spans ?? null), r.text).toEqual(
        extractionTags(s.text, null, ['en']),
      );
    }
    expect(covered).toBeGreaterThan(10000);
  });

  it('does not fire on ordinary short queries at all', () => {
    const queries = [...loadCorpus(dir!, 'clinc150-train'), ...loadCorpus(dir!, 'nq-open-dev')];
    const fired = queries.filter((r) => predict(r).length > 0);
    expect(fired.map((r) => r.text)).toEqual([]);
  });
});

describe.skipIf(dir === null)('capability tags on the dev corpora', () => {
  const share = (name: string, tag: string) => {
    const records = loadCorpus(dir!, name);
    const hits = records.filter((r) =>
      fingerprint({
        prompt: r.text,
        tools: r.tools,
        turns: r.turns ? r.turns.length + 1 : 1,
      }).capabilities.includes(tag as never),
    );
    return hits.length / records.length;
  };
  it.each([
    ['humaneval', 'coding', 0.95],
    ['gsm8k-train', 'math', 0.9],
    ['bfcl-simple-python', 'tool-use', 1],
    ['bbh', 'reasoning', 0.5],
    ['nq-open-dev', 'knowledge', 0.8],
  ])('%s is mostly tagged %s', (name, tag, atLeast) => {
    expect(share(name as string, tag as string)).toBeGreaterThanOrEqual(atLeast as number);
  });
  it.each([
    ['gsm8k-train', 'coding', 0.02],
    ['clinc150-train', 'coding', 0.02],
    ['humaneval', 'math', 0.1],
  ])('%s is rarely tagged %s', (name, tag, atMost) => {
    expect(share(name as string, tag as string)).toBeLessThanOrEqual(atMost as number);
  });
});

describe.skipIf(dir === null)('partner-word gating on the dev corpora', () => {
  it('gives the same capability tags as gating on the first word alone', () => {
    const records = [
      ...loadCorpus(dir!, 'sharegpt-v3-filtered-500'),
      ...loadCorpus(dir!, 'awesome-chatgpt-prompts'),
    ];
    const extra = [
      ...loadCorpus(dir!, 'humaneval'),
      ...loadCorpus(dir!, 'bfcl-multiple'),
      ...loadCorpus(dir!, 'mt-bench'),
    ];
    let ascii = 0;
    for (const r of [...records, ...extra]) {
      const s = scan(r.text);
      const triggers = triggersOf(s);
      if ((triggers.words & T_ASCII) !== 0) ascii++;
      const ctx = {
        tools: 0,
        turns: 1,
        chars: r.text.length,
        codeBlocks: s.codeBlocks,
        cot: false,
        numbers: s.masks[NUM],
      };
      const firstWordOnly = { words: triggers.words & ~T_ASCII, punct: triggers.punct };
      expect(capabilityTags(s.text, { ...ctx, triggers }), r.text).toEqual(
        capabilityTags(s.text, { ...ctx, triggers: firstWordOnly }),
      );
    }
    expect(ascii).toBeGreaterThan(500);
  });
});
