/** End-to-end properties of a generated world: determinism, schema validity, order, label consistency. */
import { describe, expect, it } from 'vitest';
import { decodeAccountEvent, decodeExchange } from '../core/schema.js';
import { simulateToMemory } from './index.js';

const tiny = { preset: 'small', seed: 7, days: 2, scale: 0.3 } as const;
let cached: ReturnType<typeof simulateToMemory> | undefined;
const world = () => {
  cached ??= simulateToMemory(tiny);
  return cached;
};

describe('simulate', () => {
  it('is deterministic: same seed same bytes, different seed different bytes', async () => {
    const a = await world();
    const b = await simulateToMemory(tiny);
    const c = await simulateToMemory({ ...tiny, seed: 8 });
    expect(a.exchangeLines.join('\n')).toBe(b.exchangeLines.join('\n'));
    expect(a.accountLines.join('\n')).toBe(b.accountLines.join('\n'));
    expect(JSON.stringify(a.labels)).toBe(JSON.stringify(b.labels));
    expect(c.exchangeLines.slice(0, 50).join('\n')).not.toBe(a.exchangeLines.slice(0, 50).join('\n'));
  });

  it('writes only schema-valid records, sorted by time, with RFC 3339 ms timestamps', async () => {
    const w = await world();
    expect(w.exchanges.length).toBeGreaterThan(1000);
    let last = 0;
    for (const [i, e] of w.exchanges.entries()) {
      const d = decodeExchange(e, { file: 'exchanges', line: i + 1 });
      if (!d.ok) throw new Error(JSON.stringify(d.issues));
      expect(e.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(d.value.ts).toBeGreaterThanOrEqual(last);
      last = d.value.ts;
    }
    last = 0;
    for (const [i, e] of w.accountEvents.entries()) {
      const d = decodeAccountEvent(e, { file: 'accounts', line: i + 1 });
      if (!d.ok) throw new Error(JSON.stringify(d.issues));
      expect(d.value.ts).toBeGreaterThanOrEqual(last);
      last = d.value.ts;
    }
  });

  it('labels match the logs: every account labelled, campaign counts and windows exact', async () => {
    const w = await world();
    const perCampaign = new Map<string, { n: number; first: string; last: string }>();
    for (const e of w.exchanges) {
      const label = w.labels.accounts[e.account as string];
      expect(label).toBeDefined();
      if (!label.isAttack) continue;
      const c = perCampaign.get(label.campaignId!) ?? { n: 0, first: e.ts as string, last: e.ts as string };
      c.n++;
      c.last = e.ts as string;
      perCampaign.set(label.campaignId!, c);
    }
    for (const e of w.accountEvents) expect(w.labels.accounts[e.account as string]).toBeDefined();
    for (const c of w.labels.campaigns) {
      expect(perCampaign.get(c.id)?.n).toBe(c.exchanges);
      expect(perCampaign.get(c.id)?.first).toBe(c.start);
      expect(perCampaign.get(c.id)?.last).toBe(c.end);
      for (const id of c.accounts) expect(w.labels.accounts[id].campaignId).toBe(c.id);
    }
  });
});
