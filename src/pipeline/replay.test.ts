import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputIssue } from '../core/types.js';
import { createPipeline } from './pipeline.js';
import { replay } from './replay.js';
import { handWrittenLog, T0, writeLog } from './test-support/logs.js';
import { recordingEngine } from './test-support/recording-engine.js';

const HOUR = 3_600_000;
const dir = mkdtempSync(join(tmpdir(), 'dw-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = handWrittenLog(2);

async function run(exchanges: string, accounts: string | undefined, workers: number, reorderMs = 5 * 60_000) {
  const engine = recordingEngine();
  const pipeline = createPipeline({ workers }, { engine });
  const issues: InputIssue[] = [];
  try {
    const summary = await replay(pipeline, {
      exchanges,
      accounts,
      tickMs: HOUR,
      reorderMs,
      onIssue: (i) => issues.push(i),
    });
    return { engine, summary, issues };
  } finally {
    await pipeline.close();
  }
}

describe('replay', () => {
  const paths = writeLog(join(dir, 'a'), log, [
    '{"id":"escaped-key","ts":"2026-04-24T00:30:00Z","acc\\u006funt":"op-1"}',
    '{"id":"bad1","ts":"2026-04-24T01:00:00Z","account":"x","temperature":-1}',
    '{not json',
    '',
  ]);

  it('ticks at each hour of event time with only the past, and reports bad lines with position', async () => {
    const { engine, summary, issues } = await run(paths.exchanges, paths.accounts, 0);
    expect(summary.exchanges).toBe(log.exchanges.length + 1);
    expect(summary.accountEvents).toBe(log.events.length);
    expect(summary.rejected).toBe(2);
    expect(summary.late).toBe(0);
    const badLine = log.exchanges.length + 2;
    issues.sort((a, b) => a.line - b.line); // each tick reports its own issues in line order
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [badLine, 'temperature'],
      [badLine + 1, null],
    ]);
    expect(issues[1].reason).toMatch(/invalid JSON/);
    for (const tick of engine.ticks) {
      expect(tick.now % HOUR).toBe(0);
      for (const s of tick.summaries) {
        if (s.lastSeen !== null) expect(s.lastSeen).toBeLessThan(tick.now);
        if (s.identity.signupTs !== null) expect(s.identity.signupTs).toBeLessThan(tick.now);
      }
    }
    const nows = engine.ticks.map((t) => t.now);
    expect(nows).toEqual([...nows].sort((a, b) => a - b));
    // Every exchange is in exactly one tick's summaries: the last summary of each account has them all.
    const last = new Map<string, number>();
    for (const tick of engine.ticks) for (const s of tick.summaries) last.set(s.account, s.exchanges);
    expect([...last.values()].reduce((a, b) => a + b, 0)).toBe(log.exchanges.length + 1);
    expect(summary.firstTs).toBe(log.events[0].ts);
  });

  it('gives identical tick inputs with 2 worker threads as on one thread', async () => {
    const single = await run(paths.exchanges, paths.accounts, 0);
    const workers = await run(paths.exchanges, paths.accounts, 2);
    expect(workers.summary.exchanges).toBe(single.summary.exchanges);
    expect(workers.issues).toEqual(single.issues);
    // Templates are mined online per partition: a family's id is a hash of its template, so
    // repeated families agree across partitionings; a one-off prompt's template may not yet.
    const withoutTemplates = (ticks: typeof single.engine.ticks) =>
      ticks.map((t) => ({ now: t.now, summaries: t.summaries.map(({ templates, ...rest }) => rest) }));
    expect(withoutTemplates(workers.engine.ticks)).toEqual(withoutTemplates(single.engine.ticks));
    const heavy = (ticks: typeof single.engine.ticks) =>
      ticks.flatMap((t) =>
        t.summaries.filter((s) => s.account.startsWith('op-')).map((s) => [s.account, s.templates]),
      );
    expect(heavy(workers.engine.ticks)).toEqual(heavy(single.engine.ticks));
  });

  it('absorbs mild disorder in the reorder window and counts later records as late', async () => {
    const lines = log.exchanges.map((x) => JSON.stringify(x));
    // Move a record from 4:55 after one from 5:02, across an hour boundary: within the 5-minute window.
    const i = log.exchanges.findIndex((x) => x.ts >= T0 + 5 * HOUR);
    const j = log.exchanges.findIndex((x) => x.ts === T0 + 5 * HOUR + 2 * 60_000);
    const k = log.exchanges.findIndex((x) => x.ts === T0 + 4 * HOUR + 55 * 60_000);
    expect(j > k && k > 0).toBe(true);
    const mild = [...lines];
    mild.splice(k, 1);
    mild.splice(j, 0, lines[k]);
    const mildPath = join(dir, 'mild.ndjson');
    writeFileSync(mildPath, mild.join('\n'));
    const cleanPath = join(dir, 'clean.ndjson');
    writeFileSync(cleanPath, lines.join('\n'));
    const sorted = await run(cleanPath, undefined, 0);
    const shuffled = await run(mildPath, undefined, 0);
    expect(shuffled.summary.late).toBe(0);
    const shape = (ticks: typeof sorted.engine.ticks) =>
      ticks.map((t) => [t.now, t.summaries.map((s) => `${s.account}:${s.exchanges}`).join()]);
    expect(shape(shuffled.engine.ticks)).toEqual(shape(sorted.engine.ticks));
    // A record 3 hours late is applied, counted and located.
    const late = [...lines];
    const old = late.splice(i, 1)[0];
    const at = log.exchanges.findIndex((x) => x.ts >= T0 + 8 * HOUR);
    late.splice(at, 0, old);
    const latePath = join(dir, 'late.ndjson');
    writeFileSync(latePath, late.join('\n'));
    const result = await run(latePath, undefined, 0);
    expect(result.summary.late).toBe(1);
    expect(result.summary.exchanges).toBe(log.exchanges.length);
    expect(result.summary.lateExamples[0].line).toBe(at + 1);
    expect(result.summary.maxLatenessMs).toBe(2 * HOUR); // 5:00 arriving in the 7:00-8:00 period
  });

  it('fails with an input error (exit code 4) when a log cannot be read', async () => {
    const pipeline = createPipeline({ workers: 0 }, { engine: recordingEngine() });
    const missing = join(dir, 'missing.ndjson');
    await expect(replay(pipeline, { exchanges: missing, tickMs: HOUR, reorderMs: 0 })).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringContaining(missing),
    });
    await expect(
      replay(pipeline, { exchanges: paths.exchanges, accounts: missing, tickMs: HOUR, reorderMs: 0 }),
    ).rejects.toMatchObject({ kind: 'input' });
  });

  it('reads gzip and reports too-long lines without reading them', async () => {
    const { gzipSync } = await import('node:zlib');
    const text = `${log.exchanges
      .slice(0, 50)
      .map((x) => JSON.stringify(x))
      .join('\n')}\n{"id":"${'y'.repeat(3000)}"}\n`;
    const gz = join(dir, 'x.ndjson.gz');
    writeFileSync(gz, gzipSync(text));
    const engine = recordingEngine();
    const pipeline = createPipeline({ workers: 0 }, { engine });
    const issues: InputIssue[] = [];
    const summary = await replay(pipeline, {
      exchanges: gz,
      tickMs: HOUR,
      reorderMs: 0,
      maxLineBytes: 2000,
      onIssue: (i) => issues.push(i),
    });
    expect(summary.exchanges).toBe(50);
    expect(summary.rejected).toBe(1);
    expect(issues[0]).toMatchObject({ line: 51, reason: expect.stringMatching(/over the 2000-byte limit/) });
  });
});
