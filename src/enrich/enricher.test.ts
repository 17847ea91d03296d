import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createEnricher } from './enricher.js';
import { tablesFromCsv } from './geodb.js';

describe('enricher on the packaged @ip-location-db data (real addresses, known facts)', () => {
  const enricher = createEnricher();

  it('classes well-known cloud ranges as hosting', () => {
    const aws = enricher.ip('52.95.110.1');
    expect(aws).toMatchObject({ asn: 16509, class: 'hosting', country: 'US' });
    expect(aws.asOrg).toMatch(/Amazon/);
    expect(enricher.ip('34.102.136.180')).toMatchObject({ asn: 396982, class: 'hosting' });
    expect(enricher.ip('2600:1f18:1::1')).toMatchObject({ asn: 14618, class: 'hosting', country: 'US' });
    expect(enricher.ip('2a05:d014::1')).toMatchObject({ asn: 16509, class: 'hosting' });
  });

  it('classes well-known residential ISP ranges as isp, in the right country (IPv4 and IPv6)', () => {
    expect(enricher.ip('73.158.64.1')).toMatchObject({ asn: 7922, class: 'isp', country: 'US' });
    expect(enricher.ip('79.192.0.1')).toMatchObject({ asn: 3320, class: 'isp', country: 'DE' });
    expect(enricher.ip('2003:e2:1::1')).toMatchObject({
      asn: 3320,
      class: 'isp',
      country: 'DE',
      prefix: '2003:e2:1::/48',
    });
    expect(enricher.ip('2601:600::1')).toMatchObject({ asn: 7922, class: 'isp', country: 'US' });
  });

  it('classes universities as education and carriers as mobile', () => {
    expect(enricher.ip('166.111.4.100')).toMatchObject({ country: 'CN', class: 'education' });
    expect(enricher.ip('128.32.0.1')).toMatchObject({ asn: 25, class: 'education', country: 'US' });
    expect(enricher.ip('39.156.66.10')).toMatchObject({ asn: 9808, class: 'mobile', country: 'CN' });
  });

  it('answers unknown for private, missing and malformed addresses, keeping a prefix when there is one', () => {
    expect(enricher.ip('192.168.1.20')).toEqual({
      country: null,
      asn: null,
      asOrg: null,
      class: 'unknown',
      prefix: '192.168.1.0/24',
    });
    expect(enricher.ip('fe80::1')).toMatchObject({ class: 'unknown', asn: null });
    expect(enricher.ip(undefined)).toMatchObject({ class: 'unknown', prefix: null });
    expect(enricher.ip('')).toMatchObject({ prefix: null });
    expect(enricher.ip('not an address')).toMatchObject({ class: 'unknown', prefix: null });
  });

  it('caches repeated addresses and reports its load and memory', () => {
    const before = enricher.stats();
    enricher.ip('52.95.110.1');
    enricher.ip('52.95.110.1');
    const after = enricher.stats();
    expect(after.cacheHits).toBeGreaterThanOrEqual(before.cacheHits + 2);
    expect(after.loaded).toBe(true);
    expect(after.dataBytes).toBeGreaterThan(1_000_000);
    expect(after.sources[0]).toMatch(/ip-location-db/);
  });
});

const SMALL = tablesFromCsv({
  asn: [
    'first,last,asn,org\n198.51.100.0,198.51.100.255,64501,"Example Hosting, Inc."\n203.0.113.0,203.0.113.255,64502,Example Broadband\n2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,64503,Example University\n',
  ],
  country: [
    '3325256704,3325256959,NL\n3405803776,3405804031,FR\n2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,JP\n',
  ],
});

describe('enricher on injected tables', () => {
  it('reads both CSV variants (text and integer IPv4, text IPv6) and quoted organisation names', () => {
    const e = createEnricher({ tables: SMALL });
    expect(e.ip('198.51.100.9')).toMatchObject({
      asn: 64501,
      asOrg: 'Example Hosting, Inc.',
      class: 'hosting',
      country: 'NL',
    });
    expect(e.ip('203.0.113.9')).toMatchObject({ asn: 64502, class: 'isp', country: 'FR' });
    expect(e.ip('2001:db8:5::1')).toMatchObject({
      asn: 64503,
      class: 'education',
      country: 'JP',
      prefix: '2001:db8:5::/48',
    });
  });

  it('lets operator lists override the organisation-name rules, and reloads them when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-lists-'));
    const vpn = join(dir, 'vpn.txt');
    const asns = join(dir, 'relay-asns.txt');
    writeFileSync(vpn, '# VPN exits\n203.0.113.128/25\n2001:db8:1::/48\nnot-a-cidr\n');
    writeFileSync(asns, 'ASN,Entity\nAS64501 # example\n');
    const e = createEnricher({
      tables: SMALL,
      lists: [
        { class: 'vpn', path: vpn },
        { class: 'relay', path: asns },
      ],
    });
    expect(e.ip('203.0.113.9').class).toBe('isp');
    expect(e.ip('203.0.113.200').class).toBe('vpn');
    expect(e.ip('2001:db8:1::9').class).toBe('vpn');
    expect(e.ip('2001:db8:2::9').class).toBe('education');
    expect(e.ip('198.51.100.1').class).toBe('relay');
    expect(e.stats().lists).toEqual([
      { path: vpn, class: 'vpn', entries: 2, skipped: 1 },
      { path: asns, class: 'relay', entries: 1, skipped: 1 },
    ]);
    writeFileSync(vpn, '203.0.113.0/24\n');
    e.reload();
    expect(e.ip('203.0.113.9').class).toBe('vpn');
    expect(e.ip('2001:db8:1::9').class).toBe('education');
  });

  it('reloads a watched list file by itself when it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-watch-'));
    const tor = join(dir, 'tor.txt');
    writeFileSync(tor, '198.51.100.7\n');
    const e = createEnricher({ tables: SMALL, lists: [{ class: 'tor', path: tor }] });
    expect(e.ip('198.51.100.8').class).toBe('hosting');
    const stop = e.watch();
    try {
      writeFileSync(tor, '198.51.100.7\n198.51.100.8\n');
      await vi.waitFor(() => expect(e.ip('198.51.100.8').class).toBe('tor'), { timeout: 5000, interval: 50 });
    } finally {
      stop();
    }
  });

  it('caches client parsing without mixing up different header sets', () => {
    const e = createEnricher({ tables: SMALL });
    const a = e.client('my-gateway/1.0', {
      'x-stainless-lang': 'python',
      'x-stainless-package-version': '1.0.0',
    });
    const b = e.client('my-gateway/1.0', {
      'x-stainless-lang': 'js',
      'x-stainless-package-version': '4.0.0',
    });
    expect(a).toMatchObject({ name: 'stainless-python', version: '1.0.0' });
    expect(b).toMatchObject({ name: 'stainless-js', version: '4.0.0' });
    expect(
      e.client('my-gateway/1.0', { 'x-stainless-lang': 'python', 'x-stainless-package-version': '1.0.0' }),
    ).toBe(a);
  });

  it('takes per-ASN overrides and configurable prefix lengths', () => {
    const e = createEnricher({ tables: SMALL, asnClasses: { 64502: 'mobile' }, prefixV4: 16, prefixV6: 32 });
    expect(e.ip('203.0.113.9')).toMatchObject({ class: 'mobile', prefix: '203.0.0.0/16' });
    expect(e.prefix('2001:db8:5::1')).toBe('2001:db8::/32');
  });

  it('rejects a list with an unknown class, and a missing list file, as operator errors', () => {
    expect(() =>
      createEnricher({ tables: SMALL, lists: [{ class: 'evil' as never, path: '/dev/null' }] }).load(),
    ).toThrow(/unknown class/);
    expect(() =>
      createEnricher({ tables: SMALL, lists: [{ class: 'vpn', path: '/nonexistent/list.txt' }] }).load(),
    ).toThrow(/cannot read/);
  });
});

describe('enricher on an MMDB file', () => {
  it('reads country from an MMDB (ip-location-db schema) and fills ASN from the packaged data', () => {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/package.json'));
    const e = createEnricher({ mmdb: [join(dir, 'geo-whois-asn-country.mmdb')] });
    const info = e.ip('79.192.0.1');
    expect(info).toMatchObject({ country: 'DE', asn: 3320, class: 'isp' });
    expect(e.stats().sources[0]).toMatch(/\.mmdb$/);
    expect(e.ip('2003:e2:1::1').country).toBe('DE');
  });

  it('reports an unreadable or invalid MMDB as an operator error', () => {
    expect(() => createEnricher({ mmdb: ['/nonexistent.mmdb'] }).load()).toThrow(/cannot read MMDB/);
    const bad = join(mkdtempSync(join(tmpdir(), 'dw-mmdb-')), 'bad.mmdb');
    writeFileSync(bad, 'not an mmdb');
    expect(() => createEnricher({ mmdb: [bad], packaged: false }).load()).toThrow(/not a valid MMDB/);
  });
});
