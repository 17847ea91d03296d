/**
 * Enrichment throughput: IP -> country/ASN/class/prefix (and client parsing) per exchange, with a
 * warm cache over realistic address reuse and with no reuse at all; the load time and memory of
 * the packaged IP data; mmdb-lib on the equivalent MMDB as the reference implementation.
 *
 *   npx tsx bench/enrich.ts            (1,000,000 lookups per case; --n 200000 for a quick run)
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { Reader } from 'mmdb-lib';
import { mulberry32 } from '../src/core/random.js';
import { createEnricher, formatIpv4, formatIpv6, packagedGeoTables } from '../src/enrich/index.js';

const nArg = process.argv.indexOf('--n');
const N = nArg > 0 ? Number(process.argv[nArg + 1]) : 1_000_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** CPU milliseconds used by this process so far (user + system): fair on a shared, busy machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

console.log(
  `machine: ${cpus()[0].model}, ${cpus().length} cores, Node ${process.version}, ${platform()} ${release()}`,
);

// --- load ---
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage().rss;
const loadStart = performance.now();
const loadCpuStart = cpuMs();
const tables = packagedGeoTables();
const loadMs = performance.now() - loadStart;
const loadCpu = cpuMs() - loadCpuStart;
global.gc?.();
const enricher = createEnricher();
const classCpuStart = cpuMs();
enricher.load();
const classCpu = cpuMs() - classCpuStart;
const stats = enricher.stats();
console.log(
  `load: packaged @ip-location-db (ASN ${tables.asn4.size.toLocaleString('en-US')} IPv4 + ${tables.asn6.size.toLocaleString('en-US')} IPv6 ranges, country ${tables.country4.size.toLocaleString('en-US')} + ${tables.country6.size.toLocaleString('en-US')}, ${tables.asOrgs.size.toLocaleString('en-US')} ASNs) in ${loadMs.toFixed(0)} ms wall, ${loadCpu.toFixed(0)} ms CPU, + ${stats.loadMs.toFixed(0)} ms wall / ${classCpu.toFixed(0)} ms CPU classing ASNs; ` +
    `tables ${mb(stats.dataBytes)}, heap +${mb(process.memoryUsage().heapUsed - heapBefore)}, rss +${mb(process.memoryUsage().rss - rssBefore)}`,
);

// --- addresses: sampled inside routed ranges, 85% IPv4 / 15% IPv6 ---
const random = mulberry32(42);
function sampleAddress(): string {
  if (random() < 0.85) {
    const t = tables.asn4;
    const i = Math.floor(random() * t.size);
    const span = t.ends[i] - t.starts[i] + 1;
    return formatIpv4(t.starts[i] + Math.floor(random() * span));
  }
  const t = tables.asn6;
  const i = Math.floor(random() * t.size);
  const words = [
    t.starts[2 * i],
    t.starts[2 * i + 1],
    Math.floor(random() * 2 ** 32),
    Math.floor(random() * 2 ** 32),
  ];
  return formatIpv6(words);
}

const distinct = Array.from({ length: N }, sampleAddress);
// Realistic reuse: 20,000 addresses, Zipf-like popularity (NATs, proxies, home routers).
const pool = distinct.slice(0, 20_000);
const reused = Array.from({ length: N }, () => pool[Math.floor(pool.length * random() ** 3)]);
const userAgents = [
  'OpenAI/Python 1.54.4',
  'Anthropic/Python 0.40.0',
  'python-requests/2.31.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'curl/8.4.0',
  'Go-http-client/1.1',
];
const sdk = {
  'x-stainless-lang': 'python',
  'x-stainless-package-version': '1.54.4',
  'x-stainless-os': 'Linux',
};

function run(name: string, addresses: string[], fn: (a: string, i: number) => unknown): number {
  for (let i = 0; i < Math.min(50_000, addresses.length); i++) fn(addresses[i], i); // warm up the JIT
  const start = performance.now();
  const cpuStart = cpuMs();
  let sink = 0;
  for (let i = 0; i < addresses.length; i++) if (fn(addresses[i], i) !== null) sink++;
  const ms = performance.now() - start;
  const cpu = cpuMs() - cpuStart;
  console.log(
    `${name.padEnd(58)} ${rate(addresses.length, cpu).padStart(12)} CPU ${rate(addresses.length, ms).padStart(12)} wall  (${((cpu / addresses.length) * 1000).toFixed(3)} us CPU each${sink === addresses.length ? '' : ', sink'})`,
  );
  return cpu;
}

console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${cpus().length} cores (CPU-time rates are the fair figure on a busy machine)`,
);
console.log(`\nthroughput over ${N.toLocaleString('en-US')} exchanges, one thread:`);
const warm = createEnricher();
run('ip(), warm cache, 20k addresses reused (Zipf)', reused, (a) => warm.ip(a));
const cold = createEnricher({ cacheSize: 0 });
run('ip(), no cache, every address distinct', distinct, (a) => cold.ip(a));
const churn = createEnricher();
run('ip(), cache on, every address distinct (all misses)', distinct, (a) => churn.ip(a));
run('ip() + client(), warm cache, reused', reused, (a, i) => {
  warm.ip(a);
  return warm.client(userAgents[i % userAgents.length], i % 3 === 0 ? sdk : undefined);
});
run('prefix() only', distinct, (a) => cold.prefix(a));

// --- reference: mmdb-lib on the same open data as an MMDB (country only) ---
try {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/package.json'));
  const reader = new Reader(readFileSync(join(dir, 'geo-whois-asn-country.mmdb')));
  run('reference: mmdb-lib get() (country MMDB), distinct', distinct, (a) => reader.get(a) ?? 0);
  const mmdbEnricher = createEnricher({ mmdb: [join(dir, 'geo-whois-asn-country.mmdb')], cacheSize: 0 });
  run('ip() with an MMDB first + packaged ASN, no cache, distinct', distinct, (a) => mmdbEnricher.ip(a));
} catch (error) {
  console.log(`reference mmdb-lib skipped: ${(error as Error).message}`);
}

const peak = process.memoryUsage();
console.log(
  `\nmemory at end: heap ${mb(peak.heapUsed)}, rss ${mb(peak.rss)} (inputs: ${(2 * N).toLocaleString('en-US')} address strings)`,
);
