/** The on-disk layout of `simulate`: plain and gzip NDJSON, labels, side files for --out -, corpus mixing. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    const sourceOf = new Map<string, string>();
    for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.jsonl')))
      for (const line of readFileSync(join(corpusDir, file), 'utf8').split('\n'))
        if (line) sourceOf.set((JSON.parse(line) as { text: string }).text, file);
    const hits = w.exchanges.filter((e) => sourceOf.has(e.prompt as string));
    const sources = new Set(hits.map((e) => sourceOf.get(e.prompt as string)));
    console.log(`corpus prompts: ${hits.length} of ${w.exchanges.length} from ${[...sources].join(', ')}`);
    expect(hits.length).toBeGreaterThan(w.exchanges.length * 0.02);
    expect(sources.size).toBeGreaterThanOrEqual(3);
  });
});
