// ISO 3166-1 country codes for the residency map: world-atlas names countries by numeric code
// ("004"), the API by alpha-2 ("AF"). All 250 assigned codes, packed as numeric+alpha-2
// (5 characters each) to stay small. Generated from i18n-iso-countries 7.14.0 codes.json; marker
// points (lon, lat centroids from world-atlas countries-50m) for countries too small to appear in
// the 110m map (Singapore, Hong Kong, Malta, Bahrain, islands) so they can still be shown.

const PACKED =
  '004AF008AL010AQ012DZ016AS020AD024AO028AG031AZ032AR036AU040AT044BS048BH050BD051AM052BB056BE' +
  '060BM064BT068BO070BA072BW074BV076BR084BZ086IO090SB092VG096BN100BG104MM108BI112BY116KH120CM' +
  '124CA132CV136KY140CF144LK148TD152CL156CN158TW162CX166CC170CO174KM175YT178CG180CD184CK188CR' +
  '191HR192CU196CY203CZ204BJ208DK212DM214DO218EC222SV226GQ231ET232ER233EE234FO238FK239GS242FJ' +
  '246FI248AX250FR254GF258PF260TF262DJ266GA268GE270GM275PS276DE288GH292GI296KI300GR304GL308GD' +
  '312GP316GU320GT324GN328GY332HT334HM336VA340HN344HK348HU352IS356IN360ID364IR368IQ372IE376IL' +
  '380IT384CI388JM392JP398KZ400JO404KE408KP410KR414KW417KG418LA422LB426LS428LV430LR434LY438LI' +
  '440LT442LU446MO450MG454MW458MY462MV466ML470MT474MQ478MR480MU484MX492MC496MN498MD499ME500MS' +
  '504MA508MZ512OM516NA520NR524NP528NL531CW533AW534SX535BQ540NC548VU554NZ558NI562NE566NG570NU' +
  '574NF578NO580MP581UM583FM584MH585PW586PK591PA598PG600PY604PE608PH612PN616PL620PT624GW626TL' +
  '630PR634QA638RE642RO643RU646RW652BL654SH659KN660AI662LC663MF666PM670VC674SM678ST682SA686SN' +
  '688RS690SC694SL702SG703SK704VN705SI706SO710ZA716ZW724ES728SS729SD732EH740SR744SJ748SZ752SE' +
  '756CH760SY762TJ764TH768TG772TK776TO780TT784AE788TN792TR795TM796TC798TV800UG804UA807MK818EG' +
  '826GB831GG832JE833IM834TZ840US850VI854BF858UY860UZ862VE876WF882WS887YE894ZM983XK';

/** Alpha-2 code by ISO 3166-1 numeric code ("702" -> "SG"). */
export const ALPHA2_BY_NUMERIC: ReadonlyMap<string, string> = new Map(
  Array.from({ length: PACKED.length / 5 }, (_, i) => {
    const entry = PACKED.slice(i * 5, i * 5 + 5);
    return [entry.slice(0, 3), entry.slice(3)] as const;
  }),
);

/** Countries missing from world-atlas countries-110m, by alpha-2: where to draw them as a dot. */
export const SMALL_COUNTRY_POINTS: Readonly<Record<string, readonly [number, number]>> = {
  AS: [-170.7, -14.3],
  AD: [1.6, 42.5],
  AG: [-61.8, 17.3],
  BH: [50.5, 26.0],
  BB: [-59.6, 13.2],
  BM: [-64.8, 32.3],
  IO: [72.4, -7.3],
  VG: [-64.5, 18.5],
  CV: [-24.0, 16.0],
  KY: [-80.9, 19.4],
  KM: [43.7, -11.9],
  CK: [-159.8, -21.2],
  DM: [-61.4, 15.4],
  FO: [-6.9, 62.1],
  GS: [-36.5, -54.5],
  AX: [20.0, 60.2],
  PF: [-144.8, -14.7],
  KI: [-167.9, 0.9],
  GD: [-61.7, 12.1],
  GU: [144.8, 13.4],
  HM: [73.5, -53.1],
  VA: [12.4, 41.9],
  HK: [114.1, 22.4],
  LI: [9.5, 47.1],
  MO: [113.5, 22.2],
  MV: [73.5, 3.7],
  MT: [14.4, 35.9],
  MU: [57.6, -20.3],
  MC: [7.4, 43.8],
  MS: [-62.2, 16.7],
  NR: [166.9, -0.5],
  CW: [-69.0, 12.2],
  AW: [-70.0, 12.5],
  SX: [-63.1, 18.1],
  NU: [-169.9, -19.0],
  NF: [167.9, -29.1],
  MP: [145.6, 15.8],
  FM: [153.3, 7.5],
  MH: [170.3, 7.0],
  PW: [134.4, 7.3],
  PN: [-128.3, -24.4],
  BL: [-62.8, 17.9],
  SH: [-9.7, -12.4],
  KN: [-62.7, 17.3],
  AI: [-63.1, 18.2],
  LC: [-61.0, 13.9],
  MF: [-63.1, 18.1],
  PM: [-56.3, 46.9],
  VC: [-61.2, 13.2],
  SM: [12.5, 43.9],
  ST: [6.7, 0.4],
  SC: [55.5, -4.7],
  SG: [103.8, 1.4],
  TO: [-174.8, -20.4],
  TC: [-72.0, 21.8],
  GG: [-2.6, 49.5],
  JE: [-2.1, 49.2],
  IM: [-4.5, 54.2],
  VI: [-64.8, 18.0],
  WF: [-177.3, -13.9],
  WS: [-172.2, -13.8],
};

/** Features of countries-110m that have no ISO numeric id, by their Natural Earth name. */
export const ALPHA2_BY_ATLAS_NAME: Readonly<Record<string, string>> = { Kosovo: 'XK' };
