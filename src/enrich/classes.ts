/**
 * Network classes of addresses: hosting/cloud, VPN, Tor exit, privacy relay, mobile, residential
 * or business ISP, education. Three layers, first answer wins:
 *   1. operator CIDR/IP lists (files, hot-reloadable): the most specific knowledge;
 *   2. operator ASN lists, then the built-in ASNs of the big clouds and relays;
 *   3. rules on the ASN organisation name ("... Hosting", "... University", "... Mobile").
 * Rules on names are a default, not the truth: a residential ISP that also hosts servers stays
 * `isp`, a university that runs a cloud stays `education`; operators correct it with lists.
 */
import { readFileSync } from 'node:fs';
import { OperatorError } from '../core/errors.js';
import type { NetClass } from '../core/types.js';
import { parseIp } from './ip.js';
import {
  emptyTable,
  flattenIntervals,
  RangeBuilder,
  type RangeTable,
  type RankedInterval,
} from './ranges.js';

/** Class codes in precedence order (where lists overlap, the lower code wins). */
export const CLASS_CODES: NetClass[] = [
  'tor',
  'relay',
  'vpn',
  'hosting',
  'mobile',
  'education',
  'isp',
  'unknown',
];
const CODE_OF = new Map<NetClass, number>(CLASS_CODES.map((c, i) => [c, i]));

/** Whether a string is a NetClass. */
export function isNetClass(value: string): value is NetClass {
  return CODE_OF.has(value as NetClass);
}

/**
 * ASNs whose class the organisation name does not tell reliably (e.g. "Google LLC" is Google's
 * cloud and services, not an ISP; Akamai's AS36183 carries iCloud Private Relay egress).
 */
export const BUILTIN_ASNS: Record<number, NetClass> = {
  16509: 'hosting', // Amazon AWS
  14618: 'hosting', // Amazon AWS
  8987: 'hosting', // Amazon Data Services Ireland
  15169: 'hosting', // Google LLC
  396982: 'hosting', // Google Cloud
  19527: 'hosting', // Google
  8075: 'hosting', // Microsoft (Azure)
  8068: 'hosting', // Microsoft
  31898: 'hosting', // Oracle Cloud
  45102: 'hosting', // Alibaba Cloud (US)
  37963: 'hosting', // Hangzhou Alibaba Advertising (Alibaba Cloud)
  132203: 'hosting', // Tencent Cloud
  45090: 'hosting', // Shenzhen Tencent Computer Systems
  14061: 'hosting', // DigitalOcean
  63949: 'hosting', // Akamai Connected Cloud (Linode)
  20473: 'hosting', // Vultr (Choopa)
  16276: 'hosting', // OVH
  24940: 'hosting', // Hetzner
  51167: 'hosting', // Contabo
  12876: 'hosting', // Scaleway
  9009: 'hosting', // M247 (hosting, much VPN egress)
  60068: 'hosting', // Datacamp / CDN77 (much VPN egress)
  13335: 'hosting', // Cloudflare (incl. WARP)
  54113: 'hosting', // Fastly
  36183: 'relay', // Akamai Private Relay (iCloud Private Relay egress)
  22394: 'mobile', // Verizon Wireless (Cellco)
  21928: 'mobile', // T-Mobile USA
  20057: 'mobile', // AT&T Mobility
  9808: 'mobile', // China Mobile
  56040: 'mobile', // China Mobile Guangdong
  55836: 'mobile', // Reliance Jio
  16591: 'isp', // Google Fiber
  4538: 'education', // CERNET (China Education and Research Network)
  786: 'education', // Jisc / JANET
  11537: 'education', // Internet2
  680: 'education', // DFN
};

/** Organisation-name rules, tried in order; the first match decides. */
export const ORG_RULES: [NetClass, RegExp][] = [
  [
    'vpn',
    /\bvpn\b|mullvad|proton ?ag|private internet access|tefincom|packethub|surfshark|expressvpn|windscribe|ipvanish|cyberghost|hide\.me|purevpn|kape technologies|torguard|astrill/i,
  ],
  ['tor', /\btor (exit|project)\b|torservers|emerald onion|applied privacy/i],
  ['relay', /private relay/i],
  ['isp', /google fiber|comcast|charter comm|deutsche telekom|verizon business|\bat&t (services|corp)/i],
  [
    'education',
    /universit|universidad|universidade|universit[aä]t|hochschule|college|\bschool\b|academ|educat|research (and|&) education|research network|cernet|\bjanet\b|jisc|internet2|\bdfn\b|renater|surfnet|\bgarr\b|aarnet|\bedu\b|institute of technology|polytechn|\bnren\b/i,
  ],
  [
    'hosting',
    /hosting|\bidc\b|\bhost\b|hoster|facebook|meta platforms|server|\bcloud|data ?cent(er|re)|datacenter|\bvps\b|coloca|\bcolo\b|dedicated|amazon|google|microsoft|digitalocean|linode|\bovh|hetzner|vultr|choopa|leaseweb|contabo|scaleway|online s\.?a\.?s|alibaba|tencent|oracle|ionos|1&1|godaddy|hostinger|m247|datacamp|cdn77|fastly|cloudflare|zenlayer|psychz|quadranet|colocrossing|hostwinds|kamatera|upcloud|ucloud|huawei|baidu|byteplus|volcano ?engine|gcore|g-core|stark industries|aeza|selectel|timeweb|netcup|ipxo|akamai|edgecenter|internap|rackspace|softlayer|equinix|cogent|hurricane electric|limestone|frantech|buyvm|ponynet|tzulo|sharktech|serverius|worldstream|hivelocity|ramnode|dreamhost|bluehost|namecheap|wholesale internet|cyber ?assets/i,
  ],
  [
    'mobile',
    /mobile|mobil\b|wireless|cellular|\bmovil|móvil|celular|t-mobile|cellco|\bjio\b|telkomsel|megafon|vimpelcom|beeline|\bmts\b|\bxl axiata|indosat|safaricom|\bmtn\b|airtel|ooredoo|etisalat|\bzain\b|\bdtac\b|\bais\b|\bsmartone|\bcsl\b|\blte\b|\b[345]g\b/i,
  ],
  [
    'isp',
    /telecom|telekom|telecomunica|telefonica|telefónica|communications|broadband|cable|\bnet\b|internet|telco|\bisp\b|charter|verizon|at&t|\bcox\b|spectrum|chinanet|unicom|rostelecom|orange|vodafone|telia|telenor|swisscom|proximus|\bkpn\b|\bbt\b|\bsky\b|virgin|fib(re|er)|\bdsl\b|bell\b|rogers|\bshaw\b|telus|\bntt\b|kddi|softbank|sk broadband|korea telecom|\bkt\b|lg u|chunghwa|hinet|pldt|globe telecom|bsnl|vnpt|viettel|\bfpt\b|tm net|singtel|starhub|optus|telstra|\btpg\b|spark new zealand|claro|\bvivo\b|movistar|\bentel\b|free sas|bouygues|\bsfr\b|liberty global|ziggo|kabel|unitymedia|netcologne|\bo2\b|\bwind\b|fastweb|\btim\b|iliad|\bpccw\b|hkbn|\bmyrepublic\b|\bjcom\b|sakura|biglobe|\bocn\b|\bbsnl\b|hathway|\bact fibernet|tata|reliance|\bptcl\b|turk ?telekom|superonline|mtnl|cosmote|\bote\b|magyar|\bupc\b|play\b|\bnetia\b|\bmts pjsc|\ber-telecom|\bdom\.ru|ertelecom|\bttk\b|\bcogeco\b|videotron|mediacom|frontier|windstream|centurylink|lumen|altice|optimum|suddenlink|\bwow\b|\brcn\b|astound|sonic\b|ziply|\bgci\b|\bhughes|viasat|starlink|spacex/i,
  ],
];

/** The rules compiled for lower-cased input (case-insensitive regexes are markedly slower in V8). */
const LOWER_RULES: [NetClass, RegExp][] = ORG_RULES.map(([netClass, rule]) => [
  netClass,
  new RegExp(rule.source),
]);

/** The class the organisation name suggests, or 'unknown' when no rule matches. */
export function classFromOrg(org: string | null | undefined): NetClass {
  if (!org) return 'unknown';
  const lower = org.toLowerCase();
  for (const [netClass, rule] of LOWER_RULES) if (rule.test(lower)) return netClass;
  return 'unknown';
}

const tableClasses = new WeakMap<Map<number, string>, Map<number, NetClass>>();

/**
 * The default class of every ASN of a table set (built-in ASNs, then organisation-name rules),
 * computed once per set of organisation names (~0.3 s for the packaged 91k ASNs) so that no
 * lookup ever runs a regex.
 */
export function defaultAsnClasses(asOrgs: Map<number, string>): Map<number, NetClass> {
  let classes = tableClasses.get(asOrgs);
  if (classes === undefined) {
    classes = new Map();
    for (const [asn, org] of asOrgs) classes.set(asn, BUILTIN_ASNS[asn] ?? classFromOrg(org));
    tableClasses.set(asOrgs, classes);
  }
  return classes;
}

/** One operator list: a file of CIDRs, addresses, `first,last` ranges or ASNs, all of one class. */
export interface ClassListSpec {
  class: NetClass;
  path: string;
}

/** Operator lists compiled for lookup. */
export interface ClassLists {
  v4: RangeTable;
  v6: RangeTable;
  asns: Map<number, NetClass>;
  /** Lines read and lines skipped (headers, malformed), per file. */
  files: { path: string; class: NetClass; entries: number; skipped: number }[];
}

/** No lists at all. */
export function emptyLists(): ClassLists {
  return { v4: emptyTable(1), v6: emptyTable(2), asns: new Map(), files: [] };
}

const V4_SPACE = 2n ** 32n;

/** Parses a CIDR, a single address or nothing into an interval of IPv4 or IPv6-top-64 keys. */
function addressInterval(text: string): { family: 4 | 6; start: bigint; end: bigint } | null {
  const slash = text.indexOf('/');
  const address = slash >= 0 ? text.slice(0, slash) : text;
  const ip = parseIp(address);
  if (ip === null) return null;
  const bitsText = slash >= 0 ? text.slice(slash + 1) : null;
  const bits = bitsText === null ? (ip.version === 4 ? 32 : 128) : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > (ip.version === 4 ? 32 : 128)) return null;
  if (ip.version === 4) {
    const size = 1n << BigInt(32 - bits);
    const start = (BigInt(ip.v4) / size) * size;
    return { family: 4, start, end: start + size - 1n };
  }
  const top = (BigInt(ip.words[0]) << 32n) | BigInt(ip.words[1]);
  const keep = Math.min(bits, 64);
  const size = 1n << BigInt(64 - keep);
  const start = (top / size) * size;
  return { family: 6, start, end: start + size - 1n };
}

/** Parses the text of one list; each line is `AS123`/`123` (ASN), a CIDR, an address, or `first,last` / `first - last`. */
export function parseClassList(
  text: string,
  netClass: NetClass,
  rank: number,
): { v4: RankedInterval[]; v6: RankedInterval[]; asns: number[]; entries: number; skipped: number } {
  const v4: RankedInterval[] = [];
  const v6: RankedInterval[] = [];
  const asns: number[] = [];
  let entries = 0;
  let skipped = 0;
  const value = CODE_OF.get(netClass) ?? CODE_OF.get('unknown') ?? 7;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const head = (/^[^,;\s]+/.exec(line)?.[0] ?? '').replace(/^"(.*)"$/, '$1');
    const asn = /^(?:AS)?(\d{1,10})$/i.exec(head);
    if (asn) {
      asns.push(Number(asn[1]));
      entries++;
      continue;
    }
    const parts = line.split(/\s*[,;]\s*|\s+-\s+|\s+/);
    const first = addressInterval(parts[0]);
    const last = parts.length > 1 && !parts[0].includes('/') ? addressInterval(parts[1]) : null;
    if (first === null || (last !== null && last.family !== first.family)) {
      skipped++;
      continue;
    }
    const interval = { start: first.start, end: last ? last.end : first.end, value, rank };
    if (interval.end < interval.start) {
      skipped++;
      continue;
    }
    (first.family === 4 ? v4 : v6).push(interval);
    entries++;
  }
  return { v4, v6, asns, entries, skipped };
}

/** Reads and compiles operator list files (later files lose to earlier ones only by class precedence). */
export function loadClassLists(
  specs: ClassListSpec[],
  read: (path: string) => string = readText,
): ClassLists {
  const v4: RankedInterval[] = [];
  const v6: RankedInterval[] = [];
  const asns = new Map<number, NetClass>();
  const files: ClassLists['files'] = [];
  for (const spec of specs) {
    if (!isNetClass(spec.class))
      throw new OperatorError('config', `list ${spec.path}: unknown class '${spec.class}'`);
    const rank = CODE_OF.get(spec.class) ?? 7;
    const parsed = parseClassList(read(spec.path), spec.class, rank);
    v4.push(...parsed.v4);
    v6.push(...parsed.v6);
    for (const asn of parsed.asns) {
      const existing = asns.get(asn);
      if (existing === undefined || rank < (CODE_OF.get(existing) ?? 7)) asns.set(asn, spec.class);
    }
    files.push({ path: spec.path, class: spec.class, entries: parsed.entries, skipped: parsed.skipped });
  }
  const table4 = new RangeBuilder(1);
  for (const r of flattenIntervals(v4))
    if (r.start < V4_SPACE) table4.push4(Number(r.start), Number(r.end), r.value);
  const table6 = new RangeBuilder(2);
  const word = (x: bigint, shift: bigint) => Number((x >> shift) & 0xffffffffn);
  for (const r of flattenIntervals(v6))
    table6.push6(word(r.start, 32n), word(r.start, 0n), word(r.end, 32n), word(r.end, 0n), r.value);
  return { v4: table4.finish(), v6: table6.finish(), asns, files };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new OperatorError('config', `cannot read class list ${path}: ${(error as Error).message}`);
  }
}
