/**
 * Residency verdicts on a simulated world, broken down by ground-truth persona: the share of
 * benign accounts called inconsistent (the false-positive rate the issue asks for), restricted
 * flags, and, for attack accounts, the share caught per tactic. Labels are read only here, to
 * score; the verdicts never see them.
 *
 *   node dist/cli/main.js simulate --preset small --seed 1 --out /tmp/w
 *   npx tsx bench/residency-personas.ts /tmp/w [--no-direct]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Labels } from '../src/core/types.js';
import { createEnricher } from '../src/enrich/index.js';
import { createResidencyBook, guessLanguage, residencyVerdict } from '../src/residency/index.js';
import { readAccountEvents, readExchanges } from '../src/sources/ndjson/index.js';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/tmp/w';
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
const enricher = createEnricher();
const book = createResidencyBook(enricher.ip, (ex) => ex.fingerprint?.language ?? guessLanguage(ex.prompt));
const started = performance.now();
for await (const batch of readAccountEvents(join(dir, 'accounts.ndjson')))
  for (const e of batch) book.addAccountEvent(e);
let exchanges = 0;
for await (const batch of readExchanges(join(dir, 'exchanges.ndjson'))) {
  for (const x of batch) book.addExchange(x);
  exchanges += batch.length;
}
const rows = new Map<
  string,
  { n: number; inconsistent: number; unknown: number; consistent: number; restricted: number }
>();
for (const input of book.accounts.values()) {
  const label = labels.accounts[input.account];
  if (!label) continue;
  const key = label.isAttack ? `attack/${label.tactic ?? '?'}` : label.persona;
  // --no-direct: as a caller that does not track direct-address countries would see it
  if (process.argv.includes('--no-direct')) delete input.directIpCountries;
  const v = residencyVerdict(input);
  const row = rows.get(key) ?? { n: 0, inconsistent: 0, unknown: 0, consistent: 0, restricted: 0 };
  row.n++;
  row[v.verdict]++;
  if (v.restricted) row.restricted++;
  rows.set(key, row);
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(
  `world ${dir} (preset ${labels.preset}, seed ${labels.seed}): ${exchanges} exchanges, ${book.accounts.size} accounts, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log('persona                     accounts  inconsistent  unknown  consistent  restricted');
const benign = { n: 0, inconsistent: 0 };
for (const [key, r] of [...rows].sort()) {
  if (!key.startsWith('attack/')) {
    benign.n += r.n;
    benign.inconsistent += r.inconsistent;
  }
  console.log(
    `${key.padEnd(26)} ${String(r.n).padStart(9)} ${pct(r.inconsistent, r.n).padStart(13)} ${pct(r.unknown, r.n).padStart(8)} ${pct(r.consistent, r.n).padStart(11)} ${pct(r.restricted, r.n).padStart(11)}`,
  );
}
console.log(
  `all benign: ${benign.inconsistent} of ${benign.n} called inconsistent (${pct(benign.inconsistent, benign.n)})`,
);
