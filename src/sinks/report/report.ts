/**
 * `report.md`: what a scan found, for a reviewer who does not run the tool. The disclosure table
 * first (the figures the 2026 disclosures published: operator, accounts, exchanges, calls per
 * account, window, targeted capabilities), then one section per campaign with its activity as a
 * sparkline, its capability mix and every piece of evidence with its weight. Pure: data in, text
 * out; the caller writes the file.
 */
import type { AccountSummary, AccountVerdict, CampaignResult, InputIssue } from '../../core/types.js';

/** What the scan knows about its input, for the report's header. */
export interface ReportInput {
  file: string;
  accountsFile: string | null;
  lines: number;
  exchanges: number;
  accountEvents: number;
  rejected: number;
  late: number;
  /** The first late records: where they were and how far behind. */
  lateExamples?: { file: string; line: number; ts: number; behindMs: number }[];
  accounts: number;
  firstTs: number | null;
  lastTs: number | null;
  ticks: number;
  tickMs: number;
  wallMs: number;
}

/** Everything the report shows. */
export interface ReportData {
  input: ReportInput;
  campaigns: readonly CampaignResult[];
  verdicts: readonly AccountVerdict[];
  /** Current summaries of campaign accounts, for activity charts (missing ones are skipped). */
  summaries: ReadonlyMap<string, AccountSummary>;
  /** The first input issues. */
  issues: readonly InputIssue[];
  /** Accounts listed per campaign (default 25). */
  maxAccountsListed?: number;
}

const SPARKS = '▁▂▃▄▅▆▇█';
const DAY_MS = 86_400_000;

/** A Unicode sparkline of a series (one character per value, scaled to its maximum). */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  if (max === 0) return SPARKS[0].repeat(values.length);
  return values.map((v) => (v <= 0 ? ' ' : SPARKS[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}

/** Exchanges per UTC day of a set of accounts, from their bounded daily histograms. */
export function dailySeries(
  summaries: readonly AccountSummary[],
): { start: string; values: number[] } | null {
  const totals = new Map<number, number>();
  for (const s of summaries) {
    for (const [day, count] of Object.entries(s.daily)) {
      const index = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
      totals.set(index, (totals.get(index) ?? 0) + count);
    }
  }
  if (totals.size === 0) return null;
  const days = [...totals.keys()];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const values: number[] = [];
  for (let d = first; d <= last; d++) values.push(totals.get(d) ?? 0);
  return { start: new Date(first * DAY_MS).toISOString().slice(0, 10), values };
}

/** Exchanges per UTC hour of day of a set of accounts. */
export function hourOfDay(summaries: readonly AccountSummary[]): number[] {
  const out = new Array(24).fill(0);
  for (const s of summaries) for (let h = 0; h < 24; h++) out[h] += s.hourly[h] ?? 0;
  return out;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const day = (iso: string | null) => (iso === null ? '-' : iso.slice(0, 16).replace('T', ' '));
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function windowText(first: string, last: string): string {
  const days = (Date.parse(last) - Date.parse(first)) / DAY_MS;
  return `${first.slice(0, 10)} – ${last.slice(0, 10)} (${days < 1 ? `${(days * 24).toFixed(1)} h` : `${days.toFixed(1)} days`})`;
}

function topCapabilities(capabilities: Record<string, number>, n = 3): string {
  const top = Object.entries(capabilities)
    .filter(([, share]) => share > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
  return top.length === 0 ? '-' : top.map(([tag, share]) => `${tag} ${pct(share)}`).join(', ');
}

function operatorText(c: CampaignResult): string {
  return c.attribution ? `same operator as ${c.attribution.campaign}` : 'unattributed';
}

/** Renders the whole report as Markdown. */
export function renderReport(data: ReportData): string {
  const { input, campaigns, verdicts } = data;
  const maxListed = data.maxAccountsListed ?? 25;
  const active = campaigns.filter((c) => c.status === 'suspected' || c.status === 'confirmed');
  const flagged = verdicts.filter((v) => v.flaggedAt !== null);
  const inCampaign = new Set(active.flatMap((c) => c.accounts));
  const out: string[] = [];

  out.push('# distillwatch scan report', '');
  out.push(
    `Replayed **${count(input.exchanges)} exchanges** and ${count(input.accountEvents)} account events of ` +
      `**${count(input.accounts)} accounts** from \`${input.file}\`${input.accountsFile ? ` and \`${input.accountsFile}\`` : ''}, ` +
      `event time ${day(input.firstTs === null ? null : new Date(input.firstTs).toISOString())} – ` +
      `${day(input.lastTs === null ? null : new Date(input.lastTs).toISOString())} UTC, in ${count(input.ticks)} ticks ` +
      `of ${input.tickMs / 60_000} minutes (${(input.wallMs / 1000).toFixed(1)} s wall time).`,
  );
  if (input.rejected > 0 || input.late > 0) {
    out.push(
      '',
      `Input problems: ${count(input.rejected)} of ${count(input.lines)} exchange lines rejected` +
        `${input.late > 0 ? `, ${count(input.late)} records arrived after their hour had been analysed (applied late)` : ''}; see *Input issues* below.`,
    );
  }
  out.push(
    '',
    `**${active.length} campaign${active.length === 1 ? '' : 's'}** ` +
      `(${active.filter((c) => c.status === 'confirmed').length} confirmed, ${active.filter((c) => c.status === 'suspected').length} suspected); ` +
      `${count(flagged.length)} accounts flagged, ${count(flagged.filter((v) => !inCampaign.has(v.account)).length)} of them outside any campaign.`,
    '',
  );

  out.push('## Disclosure table', '');
  if (active.length === 0) {
    out.push('No campaign was detected.', '');
  } else {
    out.push(
      '| campaign | status | operator / attribution | accounts | exchanges | calls/account | window | targeted capabilities | detected at |',
    );
    out.push('|---|---|---|---:|---:|---:|---|---|---|');
    for (const c of active) {
      out.push(
        `| [${c.id}](#${anchor(c.id)}) | ${c.status} | ${cell(operatorText(c))} | ${count(c.accounts.length)} | ${count(c.exchanges)} | ` +
          `${count(c.callsPerAccount)} | ${windowText(c.firstSeen, c.lastSeen)} | ${cell(topCapabilities(c.capabilities))} | ${day(c.detectedAt)} |`,
      );
    }
    out.push('');
  }

  for (const c of active) out.push(...campaignSection(c, data.summaries, maxListed));

  const others = campaigns.filter((c) => c.status === 'dismissed' || c.status === 'closed');
  if (others.length > 0) {
    out.push('## Dismissed and closed clusters', '');
    for (const c of others)
      out.push(
        `- ${c.id} (${c.status}, score ${c.score.toFixed(2)}): ${count(c.accounts.length)} accounts, ${count(c.exchanges)} exchanges`,
      );
    out.push('');
  }

  const loose = flagged.filter((v) => !inCampaign.has(v.account)).sort((a, b) => b.risk - a.risk);
  if (loose.length > 0) {
    out.push('## Accounts flagged outside campaigns', '');
    out.push('| account | risk | flagged at |', '|---|---:|---|');
    for (const v of loose.slice(0, 50))
      out.push(`| ${cell(v.account)} | ${v.risk.toFixed(2)} | ${day(v.flaggedAt)} |`);
    if (loose.length > 50) out.push('', `… and ${count(loose.length - 50)} more in verdicts.ndjson.`);
    out.push('');
  }

  if (data.issues.length > 0 || input.late > 0) out.push('## Input issues', '');
  if (input.late > 0 && input.lateExamples && input.lateExamples.length > 0) {
    out.push(
      `Records that arrived after their hour had been analysed (${count(input.late)}; applied in the hour they arrived in), first:`,
      '',
    );
    for (const late of input.lateExamples)
      out.push(
        `- ${late.file}:${late.line}, event time ${day(new Date(late.ts).toISOString())}, ${(late.behindMs / 60_000).toFixed(0)} minutes behind`,
      );
    out.push('');
  }
  if (data.issues.length > 0) {
    out.push(
      `The first ${data.issues.length} of ${count(input.rejected)} rejected lines (file:line field: reason):`,
      '',
      '```',
    );
    for (const issue of data.issues)
      out.push(`${issue.file}:${issue.line}${issue.field ? ` ${issue.field}` : ''}: ${issue.reason}`);
    out.push('```', '');
  }
  out.push(
    '---',
    'Machine-readable results: `campaigns.json` (campaigns with evidence) and `verdicts.ndjson` (one line per account).',
    '',
  );
  return out.join('\n');
}

function anchor(id: string): string {
  return `campaign-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function campaignSection(
  c: CampaignResult,
  summaries: ReadonlyMap<string, AccountSummary>,
  maxListed: number,
): string[] {
  const out: string[] = [];
  const members = c.accounts.map((a) => summaries.get(a)).filter((s): s is AccountSummary => s !== undefined);
  out.push(
    `<a id="${anchor(c.id)}"></a>`,
    `## Campaign ${c.id}: ${c.status}, score ${c.score.toFixed(2)}`,
    '',
  );
  const start = Date.parse(c.firstSeen);
  const detected = c.detectedAt === null ? null : Date.parse(c.detectedAt);
  const operator = operatorText(c);
  const why = c.attribution?.summary;
  // The engine's summary already starts with the operator's words ("same operator as C-2, via ...").
  out.push(`- **Operator**: ${!why ? operator : why.startsWith(operator) ? why : `${operator} — ${why}`}`);
  out.push(
    `- **Scale**: ${count(c.accounts.length)} accounts, ${count(c.exchanges)} exchanges, ${count(c.callsPerAccount)} calls per account`,
  );
  out.push(`- **Window**: ${windowText(c.firstSeen, c.lastSeen)}`);
  out.push(
    `- **Detected**: ${detected === null ? 'not yet' : `${day(c.detectedAt)} UTC, ${((detected - start) / 3_600_000).toFixed(1)} hours of event time after its first exchange`}`,
  );
  out.push(`- **Targeted capabilities**: ${topCapabilities(c.capabilities, 6)}`);
  const series = dailySeries(members);
  if (series !== null && series.values.length > 1) {
    out.push(
      '',
      `Exchanges per day from ${series.start} (${series.values.length} days, peak ${count(Math.max(...series.values))}/day):`,
      '',
      '```',
      sparkline(series.values),
      '```',
    );
  }
  if (members.length > 0) {
    out.push(
      '',
      'Hour of day (UTC 00 → 23) of its exchanges: a flat line means round-the-clock automation, one hump a human day.',
      '',
      '```',
      sparkline(hourOfDay(members)),
      '```',
    );
  }
  out.push('', '### Evidence', '');
  if (c.evidence.length === 0) out.push('(none recorded)');
  else {
    out.push('| weight | kind | finding |', '|---:|---|---|');
    const sorted = [...c.evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    for (const e of sorted)
      out.push(
        `| ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(2)} | ${cell(e.kind)} | ${cell(e.summary)} |`,
      );
  }
  const examples = new Map<string, string>();
  for (const s of members)
    for (const [tag, spans] of Object.entries(s.extractionExamples))
      if (!examples.has(tag) && spans[0]) examples.set(tag, spans[0]);
  if (examples.size > 0) {
    out.push('', 'Extraction phrases seen in its prompts:', '');
    for (const [tag, span] of examples) out.push(`- ${tag}: “${cell(span)}”`);
  }
  const listed = [...c.accounts].sort().slice(0, maxListed);
  out.push(
    '',
    `Accounts${c.accounts.length > listed.length ? ` (first ${listed.length} of ${count(c.accounts.length)})` : ''}: ${listed.map((a) => `\`${a}\``).join(', ')}`,
    '',
  );
  return out;
}
