import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorError } from '../core/errors.js';
import { readCampaigns, readResult, readVerdicts, writeResult } from './result.js';
import { campaigns, verdicts } from './test-support/fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dw-result-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<OperatorError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OperatorError);
    return error as OperatorError;
  }
  throw new Error('expected an error');
}

describe('writeResult / readResult', () => {
  it('round-trips campaigns and verdicts, one campaign a line', async () => {
    const out = join(dir, 'roundtrip');
    const known = verdicts.filter((v) => v.campaign === null || ['R1', 'R2'].includes(v.campaign));
    await writeResult(out, campaigns, known);
    const back = await readResult(out);
    expect(back.campaigns).toEqual(campaigns);
    expect(back.verdicts).toEqual(known);
    const text = await readFile(join(out, 'campaigns.json'), 'utf8');
    expect(text.split('\n')[1]).toMatch(/^\{"id":"R1"/);
  });

  it('writes an empty result that reads back empty', async () => {
    const out = join(dir, 'empty');
    await writeResult(out, [], []);
    expect(await readResult(out)).toEqual({ campaigns: [], verdicts: [] });
  });

  it('accepts verdicts as an async stream', async () => {
    const out = join(dir, 'stream');
    async function* stream() {
      yield { account: 'a', risk: 0.5, campaign: null, flaggedAt: null };
      yield { account: 'b', risk: 1, campaign: null, flaggedAt: '2026-04-22T00:00:00Z' };
    }
    await writeResult(out, [], stream());
    expect((await readResult(out)).verdicts.map((v) => v.account)).toEqual(['a', 'b']);
  });

  it('refuses to write an invalid result and leaves no file behind', async () => {
    const out = join(dir, 'refused');
    const bad = { ...campaigns[0], status: 'maybe' } as never;
    expect((await errorOf(writeResult(out, [bad], []))).message).toMatch(/status/);
    const error = await errorOf(
      writeResult(out, [], [{ account: 'a', risk: 1, campaign: 'nope', flaggedAt: null }]),
    );
    expect(error.message).toMatch(/unknown campaign 'nope'/);
    await expect(readFile(join(out, 'verdicts.ndjson'))).rejects.toThrow();
    const twice = [
      { account: 'a', risk: 1, campaign: null, flaggedAt: null },
      { account: 'a', risk: 1, campaign: null, flaggedAt: null },
    ];
    expect((await errorOf(writeResult(out, [], twice))).message).toMatch(/second verdict for 'a'/);
  });
});

describe('reader errors name the file, line and field', () => {
  it('reports a missing file of the pair', async () => {
    const out = join(dir, 'half');
    await writeResult(out, [], []);
    await rm(join(out, 'verdicts.ndjson'));
    expect((await errorOf(readResult(out))).message).toMatch(/verdicts\.ndjson is missing/);
  });

  it('reports invalid JSON in campaigns.json with its line', async () => {
    const path = join(dir, 'syntax.json');
    await writeFile(path, '{"campaigns":[\n{"id":"a",\n oops}\n]}\n');
    const error = await errorOf(readCampaigns(path));
    expect(error.message).toContain(`${path}:3: invalid JSON`);
    expect(error.kind).toBe('input');
  });

  it('reports a bad campaign field by path and the line of its campaign', async () => {
    const path = join(dir, 'fields.json');
    const good = JSON.stringify(campaigns[0]);
    const bad = JSON.stringify({
      ...campaigns[1],
      score: 'high',
      detectedAt: 'yesterday',
      accounts: ['ok', ''],
    });
    const { status: _, ...noStatus } = campaigns[2];
    await writeFile(path, `{"campaigns":[\n${good},\n${bad},\n${JSON.stringify(noStatus)}\n]}\n`);
    const message = (await errorOf(readCampaigns(path))).message;
    expect(message).toContain(`${path}:3 campaigns.1.score: must be a number`);
    expect(message).toContain(`${path}:3 campaigns.1.detectedAt: must be an RFC 3339 time`);
    expect(message).toContain(`${path}:3 campaigns.1.accounts.1: must not be empty`);
    expect(message).toContain(`${path}:4 campaigns.2.status: is required`);
  });

  it('reports a duplicate campaign id and a document that is not an object of campaigns', async () => {
    const path = join(dir, 'dup.json');
    await writeFile(path, JSON.stringify({ campaigns: [campaigns[0], campaigns[0]] }));
    expect((await errorOf(readCampaigns(path))).message).toMatch(
      /campaigns\.1\.id: duplicate campaign id 'R1'/,
    );
    await writeFile(path, '[]');
    expect((await errorOf(readCampaigns(path))).message).toMatch(/invalid .*dup\.json/);
  });

  it('reports each bad verdict line with its line and field, and keeps reading', async () => {
    const path = join(dir, 'verdicts.ndjson');
    const lines = [
      '{"account":"a","risk":0.5,"campaign":null,"flaggedAt":null}',
      '{"account":"b","risk":0.5,"campaign":null,"flaggedAt":"2026-13-45"}',
      'not json',
      '{"account":"c","campaign":null,"flaggedAt":null}',
      '{"account":"a","risk":1,"campaign":null,"flaggedAt":null}',
      '{"account":"d","risk":1,"campaign":"R9","flaggedAt":null}',
      '[1,2]',
    ];
    await writeFile(path, `${lines.join('\n')}\n`);
    const message = (await errorOf(readVerdicts(path, new Set(['R1'])))).message;
    expect(message).toContain(`${path}:2 flaggedAt: must be an RFC 3339 time`);
    expect(message).toContain(`${path}:3: invalid JSON`);
    expect(message).toContain(`${path}:4 risk: is required`);
    expect(message).toContain(`${path}:5 account: duplicate verdict for 'a' (first on line 1)`);
    expect(message).toContain(`${path}:6 campaign: campaign 'R9' is not in campaigns.json`);
    expect(message).toContain(`${path}:7: the record must be a JSON object`);
  });

  it('counts issues beyond the ones it shows', async () => {
    const path = join(dir, 'many.ndjson');
    await writeFile(path, 'x\n'.repeat(30));
    expect((await errorOf(readVerdicts(path))).message).toMatch(/and 10 more/);
  });
});

describe('docs/result-contract.schema.json', () => {
  it('lists the same fields, required and optional, as the reader', async () => {
    const { AccountVerdictSchema, CampaignResultSchema } = await import('./result.js');
    const schema = JSON.parse(
      await readFile(new URL('../../docs/result-contract.schema.json', import.meta.url), 'utf8'),
    );
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const [name, valibot] of [
      ['CampaignResult', CampaignResultSchema],
      ['AccountVerdict', AccountVerdictSchema],
    ] as const) {
      const entries = Object.entries(valibot.entries);
      const required = entries.filter(([, entry]) => entry.type !== 'optional').map(([key]) => key);
      expect(schema.$defs[name].required.sort()).toEqual(required.sort());
      expect(Object.keys(schema.$defs[name].properties).sort()).toEqual(entries.map(([key]) => key).sort());
    }
  });
});

describe('campaign line numbers', () => {
  it('falls back to line 1 when the layout is not one campaign a line', async () => {
    const dir2 = await mkdtemp(join(tmpdir(), 'dw-layout-'));
    try {
      const path = join(dir2, 'pretty.json');
      await writeFile(
        path,
        JSON.stringify({ campaigns: [campaigns[0], { ...campaigns[1], score: 'x' }] }, null, 2),
      );
      expect((await errorOf(readCampaigns(path))).message).toContain(`${path}:1 campaigns.1.score`);
    } finally {
      await rm(dir2, { recursive: true, force: true });
    }
  });
});
