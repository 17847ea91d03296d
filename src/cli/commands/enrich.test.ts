import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as registerEnrich } from './enrich.js';
import { register as registerResidency } from './residency.js';

async function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const program = new Command('distillwatch').exitOverride();
    registerEnrich(program);
    registerResidency(program);
    await program.parseAsync(['node', 'distillwatch', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  return { stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'dw-enrich-'));

describe('distillwatch enrich', () => {
  it('adds net to ip lines, exchanges and sign-ups, keeps every other field, and reports bad lines with position', async () => {
    const file = join(dir, 'in.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify({ ip: '52.95.110.1', note: 'kept' }),
        '{broken',
        JSON.stringify({ ip: 42 }),
        JSON.stringify({
          id: 'e1',
          ts: '2026-05-01T00:00:00Z',
          account: 'a',
          ip: '2003:e2:1::1',
          userAgent: 'OpenAI/Python 1.54.4',
        }),
        JSON.stringify({ ts: 1, account: 'a', kind: 'signup', signupIp: '73.158.64.1' }),
        JSON.stringify({ id: 'e2', ts: 1, account: 'a' }),
        '',
      ].join('\n'),
    );
    const { stdout, stderr } = await run(['enrich', file, '--client']);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      ip: '52.95.110.1',
      note: 'kept',
      net: { country: 'US', asn: 16509, class: 'hosting', prefix: '52.95.110.0/24' },
    });
    expect(Object.keys(lines[0].net)).toEqual(['country', 'asn', 'asOrg', 'class', 'prefix']);
    expect(lines[1]).toMatchObject({
      net: { country: 'DE', asn: 3320, class: 'isp', prefix: '2003:e2:1::/48' },
      client: { kind: 'sdk', name: 'openai-python' },
    });
    expect(lines[2]).toMatchObject({ signupNet: { country: 'US', class: 'isp' } });
    expect(lines[3].net).toEqual({ country: null, asn: null, asOrg: null, class: 'unknown', prefix: null });
    expect(stderr).toContain(`${file}:2: invalid JSON`);
    expect(stderr).toContain(`${file}:3 ip: must be a string`);
    expect(stderr).toContain('4 accepted, 2 rejected of 6 lines');
  });

  it('rejects malformed flags as usage errors', async () => {
    await expect(run(['enrich', '/dev/null', '--list', 'bogus=/tmp/x'])).rejects.toThrow(
      /--list expects class=path/,
    );
    await expect(run(['enrich', '/dev/null', '--prefix-v4', '33'])).rejects.toThrow(
      /--prefix-v4 must be an integer from 0 to 32/,
    );
  });
});

describe('distillwatch residency', () => {
  it('prints one verdict per account and a summary table by declared country', async () => {
    const accounts = join(dir, 'accounts.ndjson');
    const exchanges = join(dir, 'exchanges.ndjson');
    writeFileSync(
      accounts,
      [
        JSON.stringify({ ts: 0, account: 'home', kind: 'signup', declaredCountry: 'DE', cardCountry: 'DE' }),
        JSON.stringify({ ts: 0, account: 'away', kind: 'signup', declaredCountry: 'US' }),
        '{"ts": 0}',
      ].join('\n'),
    );
    const lines: string[] = [];
    const start = Date.parse('2026-03-02T00:00:00Z');
    for (let day = 0; day < 21; day++) {
      for (const hour of [9, 10, 11, 14, 15, 16]) {
        // 'home' works 10:00-17:00 in Germany (UTC+1) from a Deutsche Telekom address
        lines.push(
          JSON.stringify({
            id: `h${day}-${hour}`,
            ts: start + day * 86_400_000 + (hour - 1) * 3_600_000,
            account: 'home',
            ip: '79.192.0.1',
            prompt: 'Bitte erkläre mir, wie die Funktion mit den Daten arbeitet',
          }),
        );
        // 'away' declares the US but works Beijing hours (UTC+8) through AWS, in Chinese
        lines.push(
          JSON.stringify({
            id: `a${day}-${hour}`,
            ts: start + day * 86_400_000 + (hour - 8) * 3_600_000,
            account: 'away',
            ip: '52.95.110.1',
            prompt: '请一步一步地解释这个问题的答案',
          }),
        );
      }
    }
    writeFileSync(exchanges, lines.join('\n'));
    const { stdout, stderr } = await run(['residency', exchanges, '--accounts', accounts]);
    const verdicts = Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((l) => [JSON.parse(l).account, JSON.parse(l)]),
    );
    expect(verdicts.home).toMatchObject({
      verdict: 'consistent',
      declaredCountry: 'DE',
      inferredRegion: 'DE',
      restricted: false,
    });
    expect(verdicts.away).toMatchObject({
      verdict: 'inconsistent',
      declaredCountry: 'US',
      inferredRegion: 'CN',
      restricted: true,
    });
    expect(verdicts.away.evidence.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['residency-clock', 'residency-language']),
    );
    expect(stderr).toMatch(/declared\s+consistent\s+inconsistent\s+unknown\s+restricted\s+total/);
    expect(stderr).toMatch(/accounts\.ndjson:3 /);

    const table = await run([
      'residency',
      exchanges,
      '--accounts',
      accounts,
      '--table',
      '--restricted',
      'IR',
    ]);
    expect(table.stdout).toMatch(/^declared/);
    expect(table.stdout).toMatch(/US\s+0\s+1\s+0\s+0\s+1/);
  });

  it('rejects a malformed --restricted list', async () => {
    await expect(
      run(['residency', '/dev/null', '--accounts', '/dev/null', '--restricted', 'CN,China']),
    ).rejects.toThrow(/ISO 3166-1/);
  });
});
