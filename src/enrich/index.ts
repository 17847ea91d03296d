/** Network, client and email enrichment (DESIGN.md section 2.4): the public surface of src/enrich. */
export {
  BUILTIN_ASNS,
  type ClassListSpec,
  type ClassLists,
  classFromOrg,
  isNetClass,
  loadClassLists,
  parseClassList,
} from './classes.js';
export { parseClient } from './client.js';
export { classifyEmailDomain, type EmailLists, packagedEmailLists } from './email.js';
export {
  createEnricher,
  type Enricher,
  type EnricherOptions,
  type EnricherStats,
  packagedGeoTables,
  UNKNOWN_NET,
} from './enricher.js';
export { type GeoCsv, type GeoTables, loadPackagedTables, tablesFromCsv } from './geodb.js';
export { formatIpv4, formatIpv6, parseIp, prefixOf } from './ip.js';
