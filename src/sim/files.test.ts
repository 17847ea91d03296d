/** The on-disk layout of `simulate`: plain and gzip NDJSON, labels, side files for --out -, corpus mixing. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Labels } from '../core/types.js';
import { outputPaths, simulateToFiles, simulateToMemory } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'dw-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tiny = { preset: 'small', seed: 5, days: 1, scale: 0.2 } as const;

describe('simulate to files', () => {
  it('writes exchanges, accounts and labels; gzip output decompresses to the same bytes', async () => {
    const plain = join(dir, 'plain');
    const zipped = join(dir, 'zipped');
    const a = await simulateToFiles(tiny, { out: plain });
    await simulateToFiles(tiny, { out: zipped, gzip: true });
    const text = readFileSync(join(plain, 'exchanges.ndjson'), 'utf8');
    expect(text.split('\n').filter(Boolean).length).toBe(a.stats.exchanges);
    expect(gunzipSync(readFileSync(join(zipped, 'exchanges.ndjson.gz'))).toString('utf8')).toBe(text);
    const labels = JSON.parse(readFileSync(join(plain, 'labels.json'), 'utf8')) as Labels;
    expect(labels.preset).toBe('small');
    expect(labels.seed).toBe(5);
    expect(readFileSync(join(plain, 'accounts.ndjson'), 'utf8')).toBe(
      readFileSync(join(zipped, 'accounts.ndjson'), 'utf8'),
    );
  });

  it('with --out -, accounts and labels go to the side files (defaults in the working directory)', () => {
    expect(outputPaths({ out: '-' })).toEqual({
      exchanges: '-',
      accounts: 'accounts.ndjson',
      labels: 'labels.json',
    });
    expect(outputPaths({ out: '-', accountsOut: 'a.ndjson', labelsOut: 'l.json' })).toEqual({
      exchanges: '-',
      accounts: 'a.ndjson',
      labels: 'l.json',
    });
    expect(outputPaths({ out: 'w', gzip: true }).exchanges).toBe(join('w', 'exchanges.ndjson.gz'));
  });

  const corpusDir = resolve(__dirname, '../../../shared/corpora/dev');
  it.skipIf(!existsSync(corpusDir))('mixes in real prompts from a corpus directory', async () => {
    const w = await simulateToMemory({ ...tiny, corpus: corpusDir });
    const real = new Set<string>();
    for (const file of ['gsm8k-train.jsonl', 'clinc150-train.jsonl', 'bbh.jsonl', 'webarena.jsonl'])
      for (const line of readFileSync(join(corpusDir, file), 'utf8').split('\n'))
        if (line) real.add((JSON.parse(line) as { text: string }).text);
    const hits = w.exchanges.filter((e) => real.has(e.prompt as string)).length;
    expect(hits).toBeGreaterThan(w.exchanges.length * 0.05);
  });
});
