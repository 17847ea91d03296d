/**
 * `distillwatch enrich [FILE|-]`: adds a `net` object (country, asn, asOrg, class, prefix) to
 * each exchange, account event (from `signupIp`) or `{"ip": ...}` line and prints it as NDJSON.
 * Every other field of the input line is kept as it was. Bad lines go to stderr with position
 * and reason; the run goes on.
 */
import type { Command } from 'commander';
import { OperatorError } from '../../core/errors.js';
import type { Position } from '../../core/schema.js';
import type { InputIssue } from '../../core/types.js';
import { type ClassListSpec, createEnricher, type EnricherOptions, isNetClass } from '../../enrich/index.js';
import { formatIssue, formatSummary, readNdjson } from '../../sources/ndjson/index.js';

/** Flags shared by the commands that enrich addresses (enrich, residency). */
export interface EnricherFlags {
  mmdb?: string[];
  list?: string[];
  prefixV4?: string;
  prefixV6?: string;
  packaged?: boolean;
}

/** Adds the enricher's flags to a command. */
export function withEnricherFlags(command: Command): Command {
  return command
    .option(
      '--mmdb <path...>',
      'MMDB file(s) consulted first (MaxMind GeoIP2/GeoLite2 City, Country, ASN; IPinfo)',
    )
    .option('--no-packaged', 'do not use the packaged @ip-location-db data (use with --mmdb)')
    .option(
      '--list <class=path...>',
      'operator class list: CIDRs, addresses, ranges or ASNs, one a line (class: hosting, vpn, tor, relay, mobile, isp, education)',
    )
    .option('--prefix-v4 <bits>', 'IPv4 prefix length of the linking key', '24')
    .option('--prefix-v6 <bits>', 'IPv6 prefix length of the linking key', '48');
}

function bits(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new OperatorError('usage', `${flag} must be an integer from 0 to ${max}, got '${text}'`);
  }
  return value;
}

/** Turns the shared flags into EnricherOptions (usage errors for malformed values). */
export function enricherOptionsFrom(flags: EnricherFlags): EnricherOptions {
  const lists: ClassListSpec[] = (flags.list ?? []).map((entry) => {
    const eq = entry.indexOf('=');
    const netClass = eq > 0 ? entry.slice(0, eq) : '';
    if (!isNetClass(netClass) || netClass === 'unknown') {
      throw new OperatorError(
        'usage',
        `--list expects class=path with a class of hosting, vpn, tor, relay, mobile, isp, education; got '${entry}'`,
      );
    }
    return { class: netClass, path: entry.slice(eq + 1) };
  });
  if (flags.packaged === false && (flags.mmdb ?? []).length === 0) {
    throw new OperatorError('usage', '--no-packaged needs at least one --mmdb file');
  }
  return {
    mmdb: flags.mmdb,
    packaged: flags.packaged !== false,
    lists,
    prefixV4: bits('--prefix-v4', flags.prefixV4, 32),
    prefixV6: bits('--prefix-v6', flags.prefixV6, 128),
  };
}

/** Accepts any JSON object whose `ip` / `signupIp`, when present, is a string. */
function decodeLine(value: unknown, at: Position) {
  const issue = (field: string | null, reason: string): { ok: false; issues: InputIssue[] } => ({
    ok: false,
    issues: [{ file: at.file, line: at.line, field, reason }],
  });
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return issue(null, 'expected a JSON object');
  const record = value as Record<string, unknown>;
  for (const field of ['ip', 'signupIp']) {
    if (record[field] !== undefined && typeof record[field] !== 'string')
      return issue(field, 'must be a string');
  }
  return { ok: true as const, value: record };
}

interface EnrichFlags extends EnricherFlags {
  client?: boolean;
  stats?: boolean;
}

/** Registers `enrich`. */
export function register(program: Command): void {
  withEnricherFlags(
    program
      .command('enrich')
      .argument(
        '[file]',
        'exchanges, account events or {"ip": ...} lines (NDJSON, gzip ok); \'-\' for stdin',
        '-',
      )
      .description('Add a net object (country, asn, asOrg, class, prefix) to each record and print NDJSON'),
  )
    .option('--client', 'also add a client object parsed from userAgent and sdk headers')
    .option('--stats', 'print load time, data memory and cache counters on stderr at the end')
    .action(async (file: string, flags: EnrichFlags) => {
      const enricher = createEnricher(enricherOptionsFrom(flags));
      enricher.load();
      const reader = readNdjson(file, decodeLine, {
        onIssue: (issue) => process.stderr.write(`${formatIssue(issue)}\n`),
      });
      const out = process.stdout;
      for await (const batch of reader) {
        let chunk = '';
        for (const record of batch) {
          const address = typeof record.ip === 'string' ? record.ip : undefined;
          if (address !== undefined || typeof record.signupIp !== 'string') record.net = enricher.ip(address);
          else record.signupNet = enricher.ip(record.signupIp);
          if (flags.client) {
            const sdk =
              record.sdk && typeof record.sdk === 'object'
                ? (record.sdk as Record<string, string>)
                : undefined;
            record.client = enricher.client(
              typeof record.userAgent === 'string' ? record.userAgent : undefined,
              sdk,
            );
          }
          chunk += `${JSON.stringify(record)}\n`;
        }
        if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      }
      process.stderr.write(`${formatSummary(reader.summary)}\n`);
      if (flags.stats) {
        const s = enricher.stats();
        process.stderr.write(
          `enrich: data ${(s.dataBytes / 1e6).toFixed(1)} MB from ${s.sources.join('; ')}, loaded in ${s.loadMs.toFixed(0)} ms; cache ${s.cacheHits} hits, ${s.cacheMisses} misses\n`,
        );
      }
    });
}
