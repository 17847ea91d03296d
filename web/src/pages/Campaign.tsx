// One campaign: its disclosure metrics, review actions, the account graph, activity timeline,
// capability and extraction-tag mix, residency breakdown (map and bars), evidence explained in words, member
// accounts (with per-account overrides) and the lifecycle history.
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, type CampaignDetail, type Member } from '../api.js';
import { ResidencyPill, RiskDot, ScoreBar, StatusBadge } from '../components/Badges.js';
import { BarList, StackedBar } from '../components/BarList.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { OverrideForm, ReviewForm } from '../components/Review.js';
import { Empty, ErrorBox, Loading } from '../components/States.js';
import { TimeSeries } from '../components/TimeSeries.js';
import {
  countryLabel,
  formatDuration,
  formatInt,
  formatTime,
  RESIDENCY_COLORS,
  riskLabel,
} from '../format.js';
import { accountHref, campaignHref, href, useTitle } from '../router.js';
import { useApi } from '../useApi.js';

/** The graph (cytoscape is most of the bundle) loads only when a campaign page opens. */
const AccountGraph = lazy(() =>
  import('../components/AccountGraph.js').then((m) => ({ default: m.AccountGraph })),
);
/** The residency map (world atlas and d3-geo) loads the same way. */
const ResidencyMap = lazy(() =>
  import('../components/ResidencyMap.js').then((m) => ({ default: m.ResidencyMap })),
);

/** The campaign page. */
export function Campaign({ id }: { id: string }) {
  useTitle(`Campaign ${id}`);
  const state = useApi(`campaign:${id}`, () => api.campaign(id));
  if (!state.data) {
    if (state.error) return <ErrorBox error={state.error} onRetry={state.reload} what={`campaign ${id}`} />;
    return <Loading what={`campaign ${id}`} />;
  }
  return <CampaignView detail={state.data} reload={state.reload} />;
}

function CampaignView({ detail, reload }: { detail: CampaignDetail; reload: () => void }) {
  const { campaign: c, members, timeline, graph, residency, extraction } = detail;
  const exchangesByAccount = useMemo(() => new Map(members.map((m) => [m.account, m.exchanges])), [members]);
  const accountSet = useMemo(
    () => new Set([...c.accounts, ...members.map((m) => m.account)]),
    [c.accounts, members],
  );
  const timelineXs = useMemo(() => timeline.map((t) => new Date(t.hour).getTime()), [timeline]);
  const timelineYs = useMemo(() => timeline.map((t) => t.exchanges), [timeline]);
  // The API gives extraction tags as exchange counts (older fixtures as shares): show shares.
  const extractionTotal = Object.values(extraction).reduce((s, v) => s + v, 0);
  const extractionShares = Object.entries(extraction).map(([key, value]) => ({
    key,
    value: extractionTotal > 1.0001 && c.exchanges > 0 ? value / c.exchanges : value,
  }));
  const declaredCounts = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const m of members)
      if (m.declaredCountry) counts[m.declaredCountry] = (counts[m.declaredCountry] ?? 0) + 1;
    return counts;
  }, [members]);
  const declared = Object.entries(declaredCounts).map(([key, value]) => ({ key, value }));

  return (
    <div className="page">
      <nav className="crumbs">
        <a href={href(['campaigns'])}>Campaigns</a> / <span>{c.id}</span>
      </nav>
      <div className="page-head">
        <h1>
          Campaign <span className="mono">{c.id}</span>
        </h1>
        <StatusBadge status={c.status} />
        <ScoreBar score={c.score} />
      </div>
      {c.attribution && (
        <div className="banner">
          Attributed to <a href={campaignHref(c.attribution.campaign)}>{c.attribution.campaign}</a>:{' '}
          {c.attribution.summary}
        </div>
      )}

      <div className="cards">
        <Metric label="Accounts" value={formatInt(c.accounts.length)} />
        <Metric label="Exchanges" value={formatInt(c.exchanges)} />
        <Metric label="Calls per account" value={formatInt(c.callsPerAccount)} />
        <Metric
          label="Window"
          value={formatDuration(c.firstSeen, c.lastSeen)}
          sub={`${formatTime(c.firstSeen)} → ${formatTime(c.lastSeen)}`}
        />
        <Metric
          label="Detected"
          value={c.detectedAt ? formatTime(c.detectedAt).slice(0, 10) : '—'}
          sub={formatTime(c.detectedAt)}
        />
      </div>

      <section className="card">
        <h2>Review</h2>
        <p className="muted small">
          Confirming feeds the block list and webhooks; dismissing marks the pattern benign so it is not
          raised again unless it changes. Both are kept in the audit log with your note.
        </p>
        <ReviewForm campaign={c.id} status={c.status} onDone={reload} />
      </section>

      <section className="card">
        <h2>Account graph</h2>
        {graph.nodes.length ? (
          <Suspense fallback={<Loading what="the graph" />}>
            <AccountGraph graph={graph} exchanges={exchangesByAccount} />
          </Suspense>
        ) : (
          <Empty title="No graph">The server returned no linked accounts for this campaign.</Empty>
        )}
      </section>

      <section className="card">
        <h2>Activity timeline</h2>
        {timeline.length ? (
          <TimeSeries
            xs={timelineXs}
            ys={timelineYs}
            label="exchanges per hour"
            kind="bars"
            color="#e8590c"
            stepMs={3_600_000}
          />
        ) : (
          <Empty title="No activity recorded" />
        )}
      </section>

      <div className="grid-3">
        <section className="card">
          <h2>Capability mix</h2>
          <p className="muted small">Share of the campaign's exchanges per targeted capability.</p>
          {Object.keys(c.capabilities).length ? (
            <BarList
              bars={Object.entries(c.capabilities).map(([key, value]) => ({ key, value }))}
              mode="share"
              color="#4263eb"
            />
          ) : (
            <Empty title="No capability tags" />
          )}
        </section>
        <section className="card">
          <h2>Extraction tags</h2>
          <p className="muted small">
            Share of the exchanges whose prompts harvest behaviour (chain of thought, grading, task
            generation).
          </p>
          {extractionTotal > 0 ? (
            <BarList bars={extractionShares} mode="share" color="#d6336c" />
          ) : (
            <Empty title="No extraction-shaped prompts" />
          )}
        </section>
        <section className="card">
          <h2>Residency</h2>
          <p className="muted small">Declared country against observed IPs, networks, hours and language.</p>
          <StackedBar
            parts={['inconsistent', 'unknown', 'consistent'].map((k) => ({
              key: k,
              value: residency.byVerdict[k] ?? 0,
              color: RESIDENCY_COLORS[k],
            }))}
          />
          <Suspense fallback={<Loading what="the map" />}>
            <ResidencyMap observed={residency.byCountry} declared={declaredCounts} />
          </Suspense>
          <div className="residency-countries">
            <div>
              <h3>Declared (accounts)</h3>
              {declared.length ? (
                <BarList bars={declared} mode="count" max={6} color="#7048e8" label={countryLabel} />
              ) : (
                <p className="muted small">No declared countries.</p>
              )}
            </div>
            <div>
              <h3>Observed IPs (exchanges)</h3>
              {Object.keys(residency.byCountry).length ? (
                <BarList
                  bars={Object.entries(residency.byCountry).map(([key, value]) => ({ key, value }))}
                  mode="count"
                  max={6}
                  color="#0b7285"
                  label={countryLabel}
                />
              ) : (
                <p className="muted small">No located addresses.</p>
              )}
            </div>
          </div>
        </section>
      </div>

      <section className="card" data-testid="campaign-evidence">
        <h2>Evidence</h2>
        <EvidenceList evidence={c.evidence} accounts={accountSet} />
      </section>

      <section className="card">
        <h2>Member accounts</h2>
        <Members members={members} onChanged={reload} />
      </section>

      <section className="card">
        <h2>History</h2>
        {c.history?.length ? <History entries={c.history} /> : <Empty title="No history yet" />}
      </section>
    </div>
  );
}

function Metric({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="card metric">
      <span className="metric-label">{label}</span>
      <span className="metric-value">{value}</span>
      {sub && <span className="metric-sub">{sub}</span>}
    </div>
  );
}

/** The lifecycle history, newest first; long histories show their latest entries until expanded. */
function History({ entries }: { entries: CampaignDetail['campaign']['history'] }) {
  const [all, setAll] = useState(false);
  const newest = [...entries].reverse();
  const shown = all ? newest : newest.slice(0, 6);
  return (
    <>
      <ol className="history">
        {shown.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id.
          <li key={i}>
            <StatusBadge status={h.status} /> <span className="muted">{formatTime(h.ts)}</span> · score{' '}
            {h.score.toFixed(2)}
            {h.actor && <> · by {h.actor}</>}
            {h.note && <div className="note">“{h.note}”</div>}
          </li>
        ))}
      </ol>
      {newest.length > shown.length && (
        <button type="button" className="btn btn-link" onClick={() => setAll(true)}>
          Show all {formatInt(newest.length)} entries
        </button>
      )}
    </>
  );
}

type MemberSort = 'risk' | 'exchanges' | 'account' | 'flaggedAt';

/** The member accounts table, sortable, with an inline override per account. */
function Members({ members, onChanged }: { members: Member[]; onChanged: () => void }) {
  const [sort, setSort] = useState<MemberSort>('risk');
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(50);
  const sorted = useMemo(() => {
    const copy = [...members];
    copy.sort((a, b) => {
      if (sort === 'account') return a.account.localeCompare(b.account);
      if (sort === 'flaggedAt') return (a.flaggedAt ?? '~').localeCompare(b.flaggedAt ?? '~');
      return b[sort] - a[sort];
    });
    return copy;
  }, [members, sort]);
  if (!members.length) return <Empty title="No member accounts" />;
  const header = (key: MemberSort, label: string, num = false) => (
    <th className={`${num ? 'num' : ''} sortable${sort === key ? ' sorted' : ''}`}>
      <button type="button" onClick={() => setSort(key)}>
        {label}
        <span className="sort-arrow">{sort === key ? '▼' : '↕'}</span>
      </button>
    </th>
  );
  return (
    <>
      <table className="table" data-testid="members-table">
        <thead>
          <tr>
            {header('account', 'Account')}
            {header('risk', 'Risk')}
            {header('exchanges', 'Exchanges', true)}
            {header('flaggedAt', 'Flagged')}
            <th>Declared</th>
            <th>Residency</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, limit).map((m) => (
            <MemberRow
              key={m.account}
              m={m}
              open={open === m.account}
              onToggle={() => setOpen(open === m.account ? null : m.account)}
              onChanged={onChanged}
            />
          ))}
        </tbody>
      </table>
      {sorted.length > limit && (
        <div className="table-foot">
          <span className="muted">
            Showing {formatInt(limit)} of {formatInt(sorted.length)} accounts.
          </span>
          <button type="button" className="btn" onClick={() => setLimit(limit + 200)}>
            Show more
          </button>
        </div>
      )}
    </>
  );
}

function MemberRow({
  m,
  open,
  onToggle,
  onChanged,
}: {
  m: Member;
  open: boolean;
  onToggle: () => void;
  onChanged: () => void;
}) {
  return (
    <>
      <tr data-account={m.account}>
        <td>
          <a href={accountHref(m.account)} className="mono">
            {m.account}
          </a>
        </td>
        <td className="nowrap">
          <RiskDot risk={m.risk} /> {m.risk.toFixed(2)}{' '}
          <span className="muted small">{riskLabel(m.risk)}</span>
        </td>
        <td className="num">{formatInt(m.exchanges)}</td>
        <td>{formatTime(m.flaggedAt)}</td>
        <td>{countryLabel(m.declaredCountry)}</td>
        <td>
          <ResidencyPill verdict={m.residency} />
        </td>
        <td className="right">
          <button type="button" className="btn btn-small" onClick={onToggle} aria-expanded={open}>
            {open ? 'Close' : 'Override…'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="subrow">
          <td colSpan={7}>
            <OverrideForm account={m.account} onDone={onChanged} compact />
          </td>
        </tr>
      )}
    </>
  );
}
