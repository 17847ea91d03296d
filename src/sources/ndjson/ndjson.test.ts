import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../core/types.js';
import { readAccountEvents, readExchanges, splitLines } from './ndjson.js';

const dir = mkdtempSync(join(tmpdir(), 'dw-ndjson-'));
const line = (i: number) => JSON.stringify({ id: `e${i}`, ts: 1_700_000_000_000 + i, account: `a${i % 3}` });

async function collect<T>(reader: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of reader) out.push(...batch);
  return out;
}

async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.from(part);
}

describe('splitLines', () => {
  it('joins lines split across chunks, including multi-byte characters', async () => {
    const text = '{"a":"é漢"}\n{"b":2}\n';
    const bytes = Buffer.from(text);
    const parts = [bytes.subarray(0, 7), bytes.subarray(7, 9), bytes.subarray(9)];
    const out = [];
    for await (const batch of splitLines(
      (async function* () {
        yield* parts;
      })(),
    ))
      out.push(...batch);
    expect(out.map((l) => l.text)).toEqual(['{"a":"é漢"}', '{"b":2}']);
  });

  it('yields a last line without a trailing newline', async () => {
    const out = [];
    for await (const batch of splitLines(chunks('a\nb'))) out.push(...batch);
    expect(out.map((l) => [l.line, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('drops the bytes of an over-long line without buffering them and keeps counting lines', async () => {
    const huge = 'x'.repeat(1000);
    const out = [];
    for await (const batch of splitLines(
      chunks('ok\n', huge.slice(0, 400), huge.slice(400), '\nnext\n'),
      100,
    ))
      out.push(...batch);
    expect(out).toEqual([
      { line: 1, text: 'ok', bytes: 2 },
      { line: 2, text: null, bytes: 1000 },
      { line: 3, text: 'next', bytes: 4 },
    ]);
  });
});

describe('readExchanges', () => {
  it('reads a file, reporting each bad line with position and reason without stopping', async () => {
    const path = join(dir, 'mixed.ndjson');
    const lines = [
      line(1),
      '{not json',
      line(2),
      '',
      JSON.stringify({ id: 'e3', account: 'a' }),
      '[1,2]',
      line(4),
    ];
    writeFileSync(path, `${lines.join('\n')}\n`);
    const seen: InputIssue[] = [];
    const reader = readExchanges(path, { onIssue: (issue) => seen.push(issue) });
    const records = await collect(reader);
    expect(records.map((r) => r.id)).toEqual(['e1', 'e2', 'e4']);
    expect(reader.summary).toMatchObject({ lines: 7, accepted: 3, rejected: 3 });
    expect(seen.map((i) => [i.line, i.field])).toEqual([
      [2, null],
      [5, 'ts'],
      [6, null],
    ]);
    expect(seen[0].reason).toMatch(/^invalid JSON/);
    expect(seen[0].file).toBe(path);
  });

  it('reads gzip whatever the extension, and CRLF line ends and a BOM', async () => {
    const path = join(dir, 'log.jsonl.gz');
    writeFileSync(path, gzipSync(`\ufeff${line(1)}\r\n${line(2)}\r\n`));
    const reader = readExchanges(path);
    expect((await collect(reader)).map((r) => r.id)).toEqual(['e1', 'e2']);
    expect(reader.summary.rejected).toBe(0);
  });

  it('streams many batches of a large file', async () => {
    const path = join(dir, 'big.ndjson');
    const n = 50_000;
    writeFileSync(path, Array.from({ length: n }, (_, i) => line(i)).join('\n'));
    let batches = 0;
    let count = 0;
    for await (const batch of readExchanges(path)) {
      batches++;
      count += batch.length;
    }
    expect(count).toBe(n);
    expect(batches).toBeGreaterThan(1);
  });

  it('rejects an over-long line and goes on', async () => {
    const path = join(dir, 'huge.ndjson');
    const huge = JSON.stringify({ id: 'big', ts: 0, account: 'a', prompt: 'x'.repeat(3 << 20) });
    writeFileSync(path, `${line(1)}\n${huge}\n${line(2)}\n`);
    const reader = readExchanges(path, { maxLineBytes: 1 << 20 });
    expect((await collect(reader)).map((r) => r.id)).toEqual(['e1', 'e2']);
    expect(reader.summary.issues).toEqual([
      { file: path, line: 2, field: null, reason: expect.stringMatching(/over the 1048576-byte limit/) },
    ]);
  });

  it('fails clearly on a missing file', async () => {
    await expect(collect(readExchanges(join(dir, 'absent.ndjson')))).rejects.toThrow(/ENOENT/);
  });
});

describe('readAccountEvents', () => {
  it('decodes account events with the same reporting', async () => {
    const path = join(dir, 'accounts.ndjson');
    writeFileSync(
      path,
      `${JSON.stringify({ ts: 0, account: 'a', kind: 'signup', cardCountry: 'US' })}\n{"ts":0}\n`,
    );
    const reader = readAccountEvents(path);
    expect(await collect(reader)).toHaveLength(1);
    expect(reader.summary.issues.map((i) => i.field).sort()).toEqual(['account', 'kind']);
  });
});
