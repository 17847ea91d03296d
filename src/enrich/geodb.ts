/**
 * IP-to-ASN and IP-to-country data: the open `@ip-location-db` CSVs packaged on npm (the
 * default), parsed straight from bytes into range tables, or a commercial MMDB (MaxMind
 * GeoIP2/GeoLite2 City/Country/ASN, IPinfo) read with mmdb-lib when the operator configures one.
 * The `@ip-location-db` data is marked deprecated by its maintainer: fine for defaults and
 * tests; production should point at a maintained MMDB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Reader } from 'mmdb-lib';
import { OperatorError } from '../core/errors.js';
import { parseIpv4, parseIpv6 } from './ip.js';
import { emptyTable, findRange4, findRange6, RangeBuilder, type RangeTable } from './ranges.js';

/** Range tables for ASN and country lookups, IPv4 and IPv6, plus ASN organisation names. */
export interface GeoTables {
  asn4: RangeTable;
  asn6: RangeTable;
  /** Range value = index into `countries`. */
  country4: RangeTable;
  country6: RangeTable;
  countries: string[];
  asOrgs: Map<number, string>;
}

/** CSV inputs for `tablesFromCsv`: `first,last,asn,org` and `first,last,CC` (IPv4 text or integer, IPv6 text). */
export interface GeoCsv {
  asn?: (string | Buffer)[];
  country?: (string | Buffer)[];
}

const COMMA = 44;
const NEWLINE = 10;
const QUOTE = 34;
const CR = 13;

/** Splits one CSV line (fields may be quoted with doubled quotes inside) into at most `max` fields. */
function csvFields(buf: Buffer, start: number, end: number, max: number, out: [number, number][]): number {
  let n = 0;
  let i = start;
  while (i <= end && n < max) {
    if (buf[i] === QUOTE) {
      let j = i + 1;
      while (j < end && !(buf[j] === QUOTE && buf[j + 1] !== QUOTE)) j += buf[j] === QUOTE ? 2 : 1;
      out[n++] = [i, j + 1];
      i = j + 2;
    } else {
      let j = i;
      while (j < end && buf[j] !== COMMA) j++;
      out[n++] = [i, j];
      i = j + 1;
    }
  }
  return n;
}

function fieldText(buf: Buffer, [s, e]: [number, number]): string {
  if (buf[s] === QUOTE) return buf.toString('utf8', s + 1, e - 1).replaceAll('""', '"');
  return buf.toString('utf8', s, e);
}

function fieldInt(buf: Buffer, [s, e]: [number, number]): number {
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return e > s ? v : -1;
}

/** Parses an address field: IPv4 text or integer -> [4, v4]; IPv6 text -> [6, hi, lo]; null otherwise. */
function addressField(buf: Buffer, field: [number, number], words: Uint32Array): 4 | 6 | 0 {
  const [s, e] = field;
  let dot = false;
  let colon = false;
  for (let i = s; i < e; i++) {
    if (buf[i] === 46) dot = true;
    else if (buf[i] === 58) colon = true;
  }
  if (colon) return parseIpv6(buf.toString('latin1', s, e), words) ? 6 : 0;
  const v4 = dot ? parseIpv4(buf.toString('latin1', s, e)) : fieldInt(buf, field);
  if (v4 < 0 || v4 > 0xffffffff) return 0;
  words[0] = v4;
  return 4;
}

/** Reads range CSV bytes line by line, calling `row` with the family, the two ends and the fields. */
function eachRange(
  buf: Buffer,
  onRow: (
    family: 4 | 6,
    first: Uint32Array,
    last: Uint32Array,
    fields: [number, number][],
    count: number,
  ) => void,
): void {
  const fields: [number, number][] = [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  const first = new Uint32Array(4);
  const last = new Uint32Array(4);
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(NEWLINE, start);
    if (end < 0) end = buf.length;
    const lineEnd = end > start && buf[end - 1] === CR ? end - 1 : end;
    const count = csvFields(buf, start, lineEnd, 4, fields);
    start = end + 1;
    if (count < 3) continue;
    const a = addressField(buf, fields[0], first);
    const b = addressField(buf, fields[1], last);
    if (a === 0 || a !== b) continue; // header or malformed line
    onRow(a, first, last, fields, count);
  }
}

/** Builds range tables from CSV text or bytes (the `@ip-location-db` formats). */
export function tablesFromCsv(csv: GeoCsv): GeoTables {
  const asn4 = new RangeBuilder(1, 1 << 16);
  const asn6 = new RangeBuilder(2, 1 << 14);
  const country4 = new RangeBuilder(1, 1 << 16);
  const country6 = new RangeBuilder(2, 1 << 14);
  const asOrgs = new Map<number, string>();
  const countries: string[] = [];
  const countryIndex = new Map<number, number>();
  for (const source of csv.asn ?? []) {
    const buf = typeof source === 'string' ? Buffer.from(source) : source;
    eachRange(buf, (family, first, last, fields, count) => {
      const asn = fieldInt(buf, fields[2]);
      if (asn <= 0) return;
      if (count > 3 && !asOrgs.has(asn)) asOrgs.set(asn, fieldText(buf, fields[3]));
      if (family === 4) asn4.push4(first[0], last[0], asn);
      else asn6.push6(first[0], first[1], last[0], last[1], asn);
    });
  }
  for (const source of csv.country ?? []) {
    const buf = typeof source === 'string' ? Buffer.from(source) : source;
    eachRange(buf, (family, first, last, fields) => {
      const [s, e] = fields[2];
      if (e - s !== 2) return;
      const key = (buf[s] << 8) | buf[s + 1];
      let index = countryIndex.get(key);
      if (index === undefined) {
        index = countries.length;
        countries.push(buf.toString('latin1', s, e).toUpperCase());
        countryIndex.set(key, index);
      }
      if (family === 4) country4.push4(first[0], last[0], index);
      else country6.push6(first[0], first[1], last[0], last[1], index);
    });
  }
  return {
    asn4: asn4.finish(),
    asn6: asn6.finish(),
    country4: country4.finish(),
    country6: country6.finish(),
    countries,
    asOrgs,
  };
}

/** Directory of an installed npm package. */
function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new OperatorError('config', `the IP data package ${name} is not installed (npm install ${name})`);
  }
}

/** Loads the packaged `@ip-location-db/asn` and `geo-whois-asn-country` data (IPv4 integer CSVs, IPv6 text CSVs). */
export function loadPackagedTables(): GeoTables {
  const asnDir = packageDir('@ip-location-db/asn');
  const countryDir = packageDir('@ip-location-db/geo-whois-asn-country');
  return tablesFromCsv({
    asn: [readFileSync(join(asnDir, 'asn-ipv4-num.csv')), readFileSync(join(asnDir, 'asn-ipv6.csv'))],
    country: [
      readFileSync(join(countryDir, 'geo-whois-asn-country-ipv4-num.csv')),
      readFileSync(join(countryDir, 'geo-whois-asn-country-ipv6.csv')),
    ],
  });
}

/** What one database answers for one address (any field may be missing). */
export interface GeoAnswer {
  country: string | null;
  asn: number | null;
  asOrg: string | null;
  /** Precomputed class code of the ASN's range (see `tableSource`), or -1. */
  classCode: number;
}

/** A source of ASN/country answers: range tables or MMDB readers. */
export interface GeoSource {
  /** Answers for an IPv4 address (uint32). `text` is the address as given (MMDB readers use it). */
  v4(v4: number, text: string, out: GeoAnswer): void;
  /** Answers for an IPv6 address from its words. */
  v6(words: Uint32Array, text: string, out: GeoAnswer): void;
  /** Approximate bytes held. */
  bytes: number;
  describe: string;
}

/** A GeoSource over range tables. */
export function tableSource(
  tables: GeoTables,
  describe = 'range tables',
  classCodeOf?: (asn: number) => number,
): GeoSource {
  const tableBytes = (t: RangeTable) =>
    t.starts.byteLength + t.ends.byteLength + t.values.byteLength + t.index.byteLength;
  // One class code per ASN range, so a lookup reads a byte instead of probing a Map.
  const classes = (t: RangeTable) => {
    const codes = new Int8Array(t.size).fill(-1);
    if (classCodeOf) for (let i = 0; i < t.size; i++) codes[i] = classCodeOf(t.values[i]);
    return codes;
  };
  const classes4 = classes(tables.asn4);
  const classes6 = classes(tables.asn6);
  let orgBytes = 0;
  for (const org of tables.asOrgs.values()) orgBytes += 40 + org.length * 2;
  const answer = (
    asnIndex: number,
    asnTable: RangeTable,
    codes: Int8Array,
    countryIndex: number,
    countryTable: RangeTable,
    out: GeoAnswer,
  ) => {
    const asn = asnIndex >= 0 ? asnTable.values[asnIndex] : 0;
    out.asn = asn > 0 ? asn : null;
    out.classCode = asnIndex >= 0 ? codes[asnIndex] : -1;
    out.asOrg = asn > 0 ? (tables.asOrgs.get(asn) ?? null) : null;
    out.country = countryIndex >= 0 ? tables.countries[countryTable.values[countryIndex]] : null;
  };
  return {
    v4(v4, _text, out) {
      answer(
        findRange4(tables.asn4, v4),
        tables.asn4,
        classes4,
        findRange4(tables.country4, v4),
        tables.country4,
        out,
      );
    },
    v6(words, _text, out) {
      const a = findRange6(tables.asn6, words[0], words[1]);
      const c = findRange6(tables.country6, words[0], words[1]);
      answer(a, tables.asn6, classes6, c, tables.country6, out);
    },
    bytes:
      tableBytes(tables.asn4) +
      tableBytes(tables.asn6) +
      tableBytes(tables.country4) +
      tableBytes(tables.country6) +
      classes4.byteLength +
      classes6.byteLength +
      orgBytes,
    describe,
  };
}

/** Reads a country/ASN field set from any of the common MMDB schemas (MaxMind, IPinfo, ip-location-db). */
function mmdbAnswer(record: Record<string, unknown> | null, out: GeoAnswer): void {
  if (!record) return;
  const country = record.country as { iso_code?: string } | string | undefined;
  const registered = record.registered_country as { iso_code?: string } | undefined;
  const code =
    (typeof country === 'object' ? country?.iso_code : typeof country === 'string' ? country : undefined) ??
    (record.country_code as string | undefined) ??
    registered?.iso_code;
  if (code && out.country === null) out.country = code.toUpperCase();
  const asnRaw = record.autonomous_system_number ?? record.asn;
  const asn =
    typeof asnRaw === 'number'
      ? asnRaw
      : typeof asnRaw === 'string'
        ? Number(asnRaw.replace(/^AS/i, ''))
        : NaN;
  if (Number.isFinite(asn) && asn > 0 && out.asn === null) out.asn = asn;
  const org = record.autonomous_system_organization ?? record.as_name ?? record.as_organization;
  if (typeof org === 'string' && out.asOrg === null) out.asOrg = org;
}

/** A GeoSource over one or more MMDB files (e.g. a City and an ASN database); the first answer per field wins. */
export function mmdbSource(paths: string[]): GeoSource {
  let bytes = 0;
  const readers = paths.map((path) => {
    let db: Buffer;
    try {
      db = readFileSync(path);
    } catch (error) {
      throw new OperatorError('config', `cannot read MMDB ${path}: ${(error as Error).message}`);
    }
    bytes += db.byteLength;
    try {
      return new Reader<Record<string, unknown>>(db);
    } catch (error) {
      throw new OperatorError('config', `${path} is not a valid MMDB file: ${(error as Error).message}`);
    }
  });
  const lookup = (text: string, out: GeoAnswer) => {
    out.country = null;
    out.asn = null;
    out.asOrg = null;
    out.classCode = -1;
    for (const reader of readers) {
      try {
        mmdbAnswer(reader.get(text), out);
      } catch {
        // an address the reader rejects simply has no answer
      }
    }
  };
  return {
    v4: (_v4, text, out) => lookup(text, out),
    v6: (_w, text, out) => lookup(text, out),
    bytes,
    describe: paths.join(', '),
  };
}

/** A GeoSource that knows nothing (used when no data is wanted, e.g. in unit tests of other parts). */
export function emptySource(): GeoSource {
  const tables: GeoTables = {
    asn4: emptyTable(1),
    asn6: emptyTable(2),
    country4: emptyTable(1),
    country6: emptyTable(2),
    countries: [],
    asOrgs: new Map(),
  };
  return tableSource(tables, 'empty');
}
