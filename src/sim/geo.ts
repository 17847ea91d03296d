/**
 * The simulated world's geography: countries (UTC offsets, languages, residential ISPs, email
 * and card habits), hosting and VPN networks and universities, all keyed to real ASNs that
 * exist in @ip-location-db (net.test.ts checks each one).
 */

/** What a country looks like to the simulator. */
export interface CountryInfo {
  code: string;
  /** UTC offsets (hours) of its populated time zones, with weights. DST is ignored. */
  offsets: [number, number][];
  /** Main prompt language (ISO 639-1). */
  language: string;
  /** Residential ISP ASNs. */
  isps: number[];
  /** Consumer webmail domains, most common first. */
  webmail: string[];
  /** Card BIN prefixes of local issuers. */
  bins: string[];
}

/** Countries the world uses. */
export const COUNTRIES: Record<string, CountryInfo> = {
  US: {
    code: 'US',
    offsets: [
      [-5, 0.47],
      [-6, 0.29],
      [-7, 0.07],
      [-8, 0.17],
    ],
    language: 'en',
    isps: [7922, 20115, 7018, 701, 209],
    webmail: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'aol.com', 'proton.me'],
    bins: ['414720', '426684', '440066', '517805', '542418', '601100', '371449'],
  },
  CA: {
    code: 'CA',
    offsets: [
      [-5, 0.6],
      [-8, 0.25],
      [-7, 0.15],
    ],
    language: 'en',
    isps: [812, 577, 852],
    webmail: ['gmail.com', 'outlook.com', 'yahoo.ca', 'hotmail.com'],
    bins: ['450003', '451015', '520588'],
  },
  GB: {
    code: 'GB',
    offsets: [[0, 1]],
    language: 'en',
    isps: [2856, 5089],
    webmail: ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com'],
    bins: ['454313', '492181', '535522'],
  },
  DE: {
    code: 'DE',
    offsets: [[1, 1]],
    language: 'de',
    isps: [3320, 3209],
    webmail: ['gmail.com', 'web.de', 'gmx.de', 't-online.de', 'outlook.de'],
    bins: ['455600', '520000', '492910'],
  },
  FR: {
    code: 'FR',
    offsets: [[1, 1]],
    language: 'fr',
    isps: [3215, 12322, 5410],
    webmail: ['gmail.com', 'orange.fr', 'free.fr', 'hotmail.fr', 'laposte.net'],
    bins: ['497010', '513100', '497671'],
  },
  ES: {
    code: 'ES',
    offsets: [[1, 1]],
    language: 'es',
    isps: [3352, 12479],
    webmail: ['gmail.com', 'hotmail.es', 'yahoo.es', 'outlook.es'],
    bins: ['454881', '540090'],
  },
  RU: {
    code: 'RU',
    offsets: [
      [3, 0.8],
      [5, 0.1],
      [7, 0.1],
    ],
    language: 'ru',
    isps: [12389],
    webmail: ['yandex.ru', 'mail.ru', 'gmail.com', 'rambler.ru'],
    bins: ['427600', '220220'],
  },
  CN: {
    code: 'CN',
    offsets: [[8, 1]],
    language: 'zh',
    isps: [4134, 4837, 9808, 4812, 17621, 4808],
    webmail: ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'gmail.com'],
    bins: ['622848', '621700', '625807'],
  },
  HK: {
    code: 'HK',
    offsets: [[8, 1]],
    language: 'zh',
    isps: [4760],
    webmail: ['gmail.com', 'yahoo.com.hk', 'outlook.com'],
    bins: ['454742', '552343'],
  },
  TW: {
    code: 'TW',
    offsets: [[8, 1]],
    language: 'zh',
    isps: [3462],
    webmail: ['gmail.com', 'yahoo.com.tw', 'hotmail.com'],
    bins: ['405430', '524302'],
  },
  SG: {
    code: 'SG',
    offsets: [[8, 1]],
    language: 'en',
    isps: [7473],
    webmail: ['gmail.com', 'outlook.com', 'yahoo.com.sg', 'singnet.com.sg'],
    bins: ['455011', '520398'],
  },
  JP: {
    code: 'JP',
    offsets: [[9, 1]],
    language: 'ja',
    isps: [4713, 17676],
    webmail: ['gmail.com', 'yahoo.co.jp', 'docomo.ne.jp', 'outlook.jp'],
    bins: ['356600', '455290', '524695'],
  },
  KR: {
    code: 'KR',
    offsets: [[9, 1]],
    language: 'ko',
    isps: [4766, 9318],
    webmail: ['naver.com', 'gmail.com', 'daum.net', 'kakao.com'],
    bins: ['457972', '540926', '943150'],
  },
  IN: {
    code: 'IN',
    offsets: [[5.5, 1]],
    language: 'en',
    isps: [45609, 55836, 24560],
    webmail: ['gmail.com', 'yahoo.co.in', 'rediffmail.com', 'outlook.com'],
    bins: ['421323', '524193', '607003'],
  },
  AU: {
    code: 'AU',
    offsets: [
      [10, 0.8],
      [8, 0.2],
    ],
    language: 'en',
    isps: [1221, 7545],
    webmail: ['gmail.com', 'bigpond.com', 'outlook.com', 'yahoo.com.au'],
    bins: ['456443', '516361'],
  },
};

/** A university: its ASN, campus country and mail domain. */
export interface University {
  asn: number;
  country: string;
  domain: string;
  studentDomain: string;
}

/** Universities with their own ASN (email domains are the real institutions' public domains). */
export const UNIVERSITIES: University[] = [
  { asn: 7377, country: 'US', domain: 'ucsd.edu', studentDomain: 'ucsd.edu' },
  { asn: 17, country: 'US', domain: 'purdue.edu', studentDomain: 'purdue.edu' },
  { asn: 3354, country: 'US', domain: 'utexas.edu', studentDomain: 'utexas.edu' },
  { asn: 25, country: 'US', domain: 'berkeley.edu', studentDomain: 'berkeley.edu' },
  { asn: 73, country: 'US', domain: 'uw.edu', studentDomain: 'uw.edu' },
  { asn: 239, country: 'CA', domain: 'utoronto.ca', studentDomain: 'mail.utoronto.ca' },
  { asn: 393249, country: 'CA', domain: 'ubc.ca', studentDomain: 'student.ubc.ca' },
  { asn: 553, country: 'DE', domain: 'uni-stuttgart.de', studentDomain: 'stud.uni-stuttgart.de' },
  { asn: 47610, country: 'DE', domain: 'rwth-aachen.de', studentDomain: 'rwth-aachen.de' },
  { asn: 10148, country: 'AU', domain: 'unimelb.edu.au', studentDomain: 'student.unimelb.edu.au' },
  { asn: 3661, country: 'HK', domain: 'cuhk.edu.hk', studentDomain: 'link.cuhk.edu.hk' },
  { asn: 17862, country: 'KR', domain: 'kangwon.ac.kr', studentDomain: 'kangwon.ac.kr' },
  { asn: 4538, country: 'CN', domain: 'tsinghua.edu.cn', studentDomain: 'mails.tsinghua.edu.cn' },
];

/** Cloud and hosting ASNs, by provider. */
export const HOSTING = {
  aws: [16509, 14618],
  gcp: [396982, 15169],
  azure: [8075],
  digitalocean: [14061],
  hetzner: [24940],
  ovh: [16276],
  alibaba: [45102, 37963],
  tencent: [132203],
  vultr: [20473],
  oracle: [31898],
} as const;

/** Every hosting ASN. */
export const HOSTING_ASNS: number[] = Object.values(HOSTING).flat();

/** Commercial VPN exit networks. */
export const VPN_ASNS: number[] = [9009, 60068, 212238, 147049, 62240];

/** Privacy relay egress (iCloud Private Relay runs on these): benign, but not the user's ISP. */
export const RELAY_ASNS: number[] = [36183, 13335];

/** Mobile carriers whose carrier-grade NAT puts many phones behind few addresses. */
export const MOBILE_ASNS: Record<string, number[]> = {
  US: [21928, 20057],
  KR: [9644],
  CN: [56040, 24445],
  IN: [45271],
};

/** Throwaway mail domains (all in the disposable-email-domains list): testers and careless operators. */
export const DISPOSABLE_DOMAINS: string[] = [
  'mailinator.com',
  'guerrillamail.com',
  'sharklasers.com',
  '10minutemail.com',
  'temp-mail.org',
  'yopmail.com',
  'dispostable.com',
  'maildrop.cc',
  'getnada.com',
  'trashmail.com',
  'inboxkitten.com',
];

/** Every ASN the world may draw addresses from. */
export function allWorldAsns(): number[] {
  const set = new Set<number>([...HOSTING_ASNS, ...VPN_ASNS]);
  for (const c of Object.values(COUNTRIES)) for (const a of c.isps) set.add(a);
  for (const a of [...RELAY_ASNS, ...Object.values(MOBILE_ASNS).flat()]) set.add(a);
  for (const u of UNIVERSITIES) set.add(u.asn);
  return [...set].sort((a, b) => a - b);
}

/** Local hour (0-23, fractional offsets rounded down) of a UTC time at a UTC offset. */
export function localHour(ts: number, offsetHours: number): number {
  const h = Math.floor((ts + offsetHours * 3_600_000) / 3_600_000) % 24;
  return h < 0 ? h + 24 : h;
}

/** Local day of week (0 = Sunday) of a UTC time at a UTC offset. */
export function localDow(ts: number, offsetHours: number): number {
  const d = Math.floor((ts + offsetHours * 3_600_000) / 86_400_000);
  return (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Public holidays (local dates) in the presets' windows, late 2025 to mid 2026. Work-driven
 * traffic dips on them in the account's real country: an operator keeps its own calendar even
 * when its clock mimics the declared country.
 */
const HOLIDAYS: Record<string, string[]> = {
  CN: [
    '2025-12-31',
    '2026-01-01',
    '2026-01-02',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
  ],
  HK: [
    '2025-12-25',
    '2025-12-26',
    '2026-01-01',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-05-25',
  ],
  TW: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
  ],
  US: [
    '2025-11-27',
    '2025-12-25',
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
  ],
  CA: ['2025-12-25', '2025-12-26', '2026-01-01', '2026-02-16', '2026-04-03', '2026-05-18', '2026-07-01'],
  GB: ['2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25'],
  DE: [
    '2025-12-25',
    '2025-12-26',
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-25',
  ],
  FR: ['2025-12-25', '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25'],
  ES: ['2025-12-08', '2025-12-25', '2026-01-01', '2026-01-06', '2026-04-02', '2026-04-03', '2026-05-01'],
  RU: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-05',
    '2026-01-06',
    '2026-01-07',
    '2026-01-08',
    '2026-02-23',
    '2026-05-01',
    '2026-05-11',
    '2026-06-12',
  ],
  JP: [
    '2025-12-31',
    '2026-01-01',
    '2026-01-02',
    '2026-01-12',
    '2026-02-11',
    '2026-02-23',
    '2026-04-29',
    '2026-05-04',
    '2026-05-05',
    '2026-05-06',
  ],
  KR: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-03-02',
    '2026-05-05',
    '2026-05-25',
    '2026-06-03',
  ],
  SG: [
    '2025-12-25',
    '2026-01-01',
    '2026-02-17',
    '2026-02-18',
    '2026-04-03',
    '2026-05-01',
    '2026-05-27',
    '2026-06-01',
  ],
  IN: ['2026-01-26', '2026-03-04', '2026-03-21', '2026-04-03', '2026-05-01'],
  AU: [
    '2025-12-25',
    '2025-12-26',
    '2026-01-01',
    '2026-01-26',
    '2026-04-03',
    '2026-04-06',
    '2026-04-25',
    '2026-06-08',
  ],
};

const holidayDays = new Map<string, Set<number>>(
  Object.entries(HOLIDAYS).map(([c, days]) => [
    c,
    new Set(days.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000)),
  ]),
);

/** True when the local calendar day (days since 1970-01-01 in local time) is a public holiday. */
export function isHoliday(country: string, localDay: number): boolean {
  return holidayDays.get(country)?.has(localDay) ?? false;
}
