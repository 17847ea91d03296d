import { afterAll, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../core/types.js';
import { simulateToMemory } from '../sim/index.js';
import type { ExchangeColumns } from '../store/types.js';
import type { Detection } from './detection.js';
import { createDetection } from './detection-default.js';

const opened: Detection[] = [];
afterAll(async () => {
  await Promise.all(opened.map((detection) => detection.close()));
});

/** Summaries of every account, once everything handed over is applied. */
async function summariesOf(detection: Detection, accounts: string[]): Promise<AccountSummary[]> {
  await detection.settle?.();
  return detection.summaries!(accounts);
}

describe('createDetection', () => {
  it('routes rows of exchange columns to the partitions as it routes the same texts', async () => {
    const world = await simulateToMemory({ preset: 'small', seed: 3, days: 1 });
    const texts = world.exchangeLines.slice(0, 1500);
    const accounts = texts.map((text) => (JSON.parse(text) as { account: string }).account);
    const lines = Buffer.from(texts.join('\n'));
    const ends = new Uint32Array(texts.length);
    for (let i = 0, at = 0; i < texts.length; i++) {
      at += Buffer.byteLength(texts[i]) + (i === 0 ? 0 : 1);
      ends[i] = at;
    }
    const columns: ExchangeColumns = { ids: [], ts: [], accounts, lines, ends };
    // Two runs of rows, not in input order: even rows first, then odd ones.
    const runs = [0, 1].map((parity) => [...accounts.keys()].filter((i) => i % 2 === parity));

    const byRows = createDetection({ workers: 2 });
    const byTexts = createDetection({ workers: 2 });
    const byLines = createDetection({ workers: 2 });
    opened.push(byRows, byTexts, byLines);
    for (const rows of runs) {
      byRows.ingestExchangeRows!(columns, rows);
      byTexts.ingestExchangeTexts!(
        rows.map((i) => texts[i]),
        rows.map((i) => accounts[i]),
      );
      byLines.ingestExchangeLines!(
        Buffer.from(rows.map((i) => texts[i]).join('\n')),
        rows.map((i) => accounts[i]),
      );
    }
    const everyone = [...new Set(accounts)].sort();
    const expected = await summariesOf(byTexts, everyone);
    expect(expected).toHaveLength(everyone.length);
    expect(expected.reduce((sum, summary) => sum + summary.exchanges, 0)).toBe(texts.length);
    expect(await summariesOf(byRows, everyone)).toEqual(expected);
    expect(await summariesOf(byLines, everyone)).toEqual(expected);
  });
});
