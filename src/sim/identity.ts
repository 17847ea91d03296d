/**
 * Client and identity material for simulated accounts: user agents and SDK headers, JA4 TLS
 * fingerprints, email local parts and shapes, card BINs. Campaign accounts draw from the same
 * distributions as benign ones: nothing here marks an account as an attacker.
 */
import type { Rng } from './rng.js';

/** How one account's client looks on the wire. */
export interface Client {
  kind: 'browser' | 'sdk' | 'script';
  userAgent: string;
  sdk?: Record<string, string>;
  ja4?: string;
}

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:137.0) Gecko/20100101 Firefox/137.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0 Safari/537.36 Edg/135.0.0.0',
];
const BROWSER_WEIGHTS = [18, 14, 12, 10, 12, 6, 4, 8, 6];

const BROWSER_JA4 = [
  't13d1516h2_8daaf6152771_02713d6af862',
  't13d1516h2_8daaf6152771_e5627efa2ab1',
  't13d1715h2_5b57614c22b0_3d5424432f57',
  't13d2014h2_a09f3c656075_14788d8d241b',
];

const PY_VERSIONS = ['3.10.14', '3.11.9', '3.11.11', '3.12.3', '3.12.7', '3.13.1'];
const NODE_VERSIONS = ['v18.20.4', 'v20.11.1', 'v20.18.0', 'v22.11.0', 'v22.14.0'];
const PY_SDK_VERSIONS = ['1.54.3', '1.57.0', '1.61.1', '1.66.3', '1.68.2', '1.75.0'];
const TS_SDK_VERSIONS = ['4.73.1', '4.77.0', '4.85.2', '4.95.1'];
const OSES = ['Linux', 'MacOS', 'Windows'];
const ARCHES = ['x64', 'arm64'];

const SDK_JA4 = {
  python: ['t13d1812h1_85036bcba153_375ca2c5e164', 't13d1811h1_85036bcba153_d41ae481755e'],
  node: ['t13d1714h1_5b57614c22b0_7baf387fc6ff', 't13d1613h1_5b57614c22b0_eca864cca44a'],
  curl: ['t13d3112h2_e8f1e7e78f70_6bebaf5329ac'],
  go: ['t13d1311h2_f57a46bbacb6_e7c285222651'],
};

/** A browser (web chat) client. */
export function browserClient(rng: Rng): Client {
  return { kind: 'browser', userAgent: BROWSERS[rng.weighted(BROWSER_WEIGHTS)], ja4: rng.pick(BROWSER_JA4) };
}

/** An official-SDK client (Python or TypeScript) with its X-Stainless-* headers. */
export function sdkClient(rng: Rng, preferPython = 0.7, os?: string): Client {
  const python = rng.chance(preferPython);
  const osName = os ?? OSES[rng.weighted([5, 3, 2])];
  const arch = osName === 'MacOS' ? rng.pick(ARCHES) : rng.chance(0.9) ? 'x64' : 'arm64';
  if (python) {
    const version = rng.pick(PY_SDK_VERSIONS);
    const runtime = rng.pick(PY_VERSIONS);
    return {
      kind: 'sdk',
      userAgent: `OpenAI/Python ${version}`,
      sdk: {
        'X-Stainless-Lang': 'python',
        'X-Stainless-Package-Version': version,
        'X-Stainless-OS': osName,
        'X-Stainless-Arch': arch,
        'X-Stainless-Runtime': 'CPython',
        'X-Stainless-Runtime-Version': runtime,
      },
      ja4: rng.pick(SDK_JA4.python),
    };
  }
  const version = rng.pick(TS_SDK_VERSIONS);
  return {
    kind: 'sdk',
    userAgent: `OpenAI/JS ${version}`,
    sdk: {
      'X-Stainless-Lang': 'js',
      'X-Stainless-Package-Version': version,
      'X-Stainless-OS': osName,
      'X-Stainless-Arch': arch,
      'X-Stainless-Runtime': 'node',
      'X-Stainless-Runtime-Version': rng.pick(NODE_VERSIONS),
    },
    ja4: rng.pick(SDK_JA4.node),
  };
}

/** A hand-rolled HTTP client (requests, httpx, curl, Go, aiohttp). */
export function scriptClient(rng: Rng): Client {
  const choice = rng.int(0, 5);
  switch (choice) {
    case 0:
      return {
        kind: 'script',
        userAgent: `python-requests/2.${rng.int(28, 32)}.${rng.int(0, 3)}`,
        ja4: SDK_JA4.python[0],
      };
    case 1:
      return {
        kind: 'script',
        userAgent: `python-httpx/0.${rng.int(25, 28)}.${rng.int(0, 2)}`,
        ja4: SDK_JA4.python[1],
      };
    case 2:
      return { kind: 'script', userAgent: `curl/8.${rng.int(4, 11)}.${rng.int(0, 1)}`, ja4: SDK_JA4.curl[0] };
    case 3:
      return { kind: 'script', userAgent: 'Go-http-client/2.0', ja4: SDK_JA4.go[0] };
    case 4:
      return {
        kind: 'script',
        userAgent: `Python/3.${rng.int(10, 12)} aiohttp/3.${rng.int(9, 11)}.${rng.int(0, 5)}`,
      };
    default:
      return {
        kind: 'script',
        userAgent: `node-fetch/1.0 (+https://github.com/bitinn/node-fetch)`,
        ja4: SDK_JA4.node[1],
      };
  }
}

/** A rare custom TLS stack (an operator's own HTTP client), derived from a seed. */
export function customJa4(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
  return `t13d${rng.int(10, 19)}${rng.int(10, 16)}h${rng.pick(['1', '2'])}_${hex(12)}_${hex(12)}`;
}

const FIRST = [
  'john',
  'emma',
  'liam',
  'olivia',
  'noah',
  'ava',
  'mia',
  'lucas',
  'sofia',
  'ethan',
  'chloe',
  'mason',
  'lena',
  'max',
  'paul',
  'anna',
  'marie',
  'jules',
  'camille',
  'pablo',
  'lucia',
  'carlos',
  'ivan',
  'olga',
  'dmitry',
  'wei',
  'jing',
  'hao',
  'li',
  'yan',
  'ming',
  'xiao',
  'yuki',
  'haruto',
  'sakura',
  'minjun',
  'jiwoo',
  'seoyeon',
  'arjun',
  'priya',
  'rahul',
  'sara',
  'david',
  'james',
  'kate',
  'tom',
  'nina',
  'leo',
  'zoe',
  'ryan',
  'amir',
];
const LAST = [
  'smith',
  'jones',
  'brown',
  'miller',
  'garcia',
  'martin',
  'muller',
  'schmidt',
  'dubois',
  'moreau',
  'lopez',
  'ivanov',
  'petrova',
  'wang',
  'zhang',
  'liu',
  'chen',
  'tanaka',
  'sato',
  'kim',
  'park',
  'lee',
  'patel',
  'sharma',
  'nguyen',
  'wilson',
  'taylor',
  'clark',
  'lewis',
  'young',
  'walker',
  'hall',
  'wright',
  'fischer',
];

/** A plausible email local part in one of several human styles. */
export function emailLocal(rng: Rng): string {
  const f = rng.pick(FIRST);
  const l = rng.pick(LAST);
  switch (rng.weighted([5, 4, 3, 3, 2, 2, 1, 1])) {
    case 0:
      return `${f}.${l}`;
    case 1:
      return `${f}${l}${rng.int(1, 99)}`;
    case 2:
      return `${f[0]}${l}`;
    case 3:
      return `${f}_${l}${rng.int(70, 2005)}`;
    case 4:
      return `${f}${rng.int(100, 9999)}`;
    case 5:
      return `${l}.${f}`;
    case 6:
      return `${f}.${l}.${rng.int(1, 9)}`;
    default:
      return `${rng.pick(['user', 'dev', 'ai', 'work', f])}${rng.int(1000, 99999)}`;
  }
}

/** DESIGN §4 email local shape: letters to a/A, digits to 9, other characters kept. */
export function localShape(local: string): string {
  let out = '';
  for (const ch of local) {
    if (ch >= 'a' && ch <= 'z') out += 'a';
    else if (ch >= 'A' && ch <= 'Z') out += 'A';
    else if (ch >= '0' && ch <= '9') out += '9';
    else out += ch;
  }
  return out;
}

const WORDS_A = [
  'nimble',
  'quant',
  'bright',
  'north',
  'blue',
  'deep',
  'swift',
  'open',
  'clear',
  'vector',
  'lumen',
  'astra',
  'nova',
  'pine',
  'delta',
  'cobalt',
];
const WORDS_B = [
  'forge',
  'labs',
  'works',
  'mind',
  'ai',
  'data',
  'stack',
  'bit',
  'loop',
  'scale',
  'field',
  'path',
  'wave',
  'grid',
];
const TLDS = ['ai', 'io', 'com', 'dev', 'co', 'tech', 'app'];

/** A plausible company mail domain. */
export function companyDomain(rng: Rng): string {
  return `${rng.pick(WORDS_A)}${rng.pick(WORDS_B)}.${rng.pick(TLDS)}`;
}

/** A plausible company display name. */
export function companyName(rng: Rng): string {
  const a = rng.pick(WORDS_A);
  const b = rng.pick(WORDS_B);
  return `${a[0].toUpperCase()}${a.slice(1)}${b[0].toUpperCase()}${b.slice(1)}`;
}
