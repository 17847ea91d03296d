// The campaigns list: the disclosure table (attribution, accounts, exchanges, calls per account,
// window, capabilities, score, status), filtered by the server (status, score, time) and sorted and
// searched in the browser. Filters and sort live in the URL so a view can be shared.
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { api, type CampaignList, type CampaignResult } from '../api.js';
import { ScoreBar, StatusBadge } from '../components/Badges.js';
import { Empty, ErrorBox, Loading } from '../components/States.js';
import {
  formatDate,
  formatDuration,
  formatInt,
  formatShare,
  formatTime,
  humanizeKind,
  STATUSES,
} from '../format.js';
import { campaignHref, replaceParams, useTitle } from '../router.js';
import { useApi } from '../useApi.js';

const PAGE_SIZE = 100;

type SortKey =
  | 'id'
  | 'attribution'
  | 'accounts'
  | 'exchanges'
  | 'calls'
  | 'window'
  | 'firstSeen'
  | 'score'
  | 'status';

const COLUMNS: { key: SortKey; label: string; num?: boolean; title?: string }[] = [
  { key: 'id', label: 'Campaign' },
  { key: 'attribution', label: 'Attribution', title: 'Earlier campaign sharing accounts or infrastructure' },
  { key: 'accounts', label: 'Accounts', num: true },
  { key: 'exchanges', label: 'Exchanges', num: true },
  { key: 'calls', label: 'Calls / account', num: true },
  { key: 'window', label: 'Window', title: 'First to last exchange (event time, UTC)' },
  { key: 'firstSeen', label: 'Capabilities', title: 'Targeted capabilities (share of exchanges)' },
  { key: 'score', label: 'Score', num: true },
  { key: 'status', label: 'Status' },
];

/** The value a column sorts by. */
function sortValue(c: CampaignResult, key: SortKey): number | string {
  switch (key) {
    case 'id':
      return c.id;
    case 'attribution':
      return c.attribution?.campaign ?? '';
    case 'accounts':
      return c.accounts.length;
    case 'exchanges':
      return c.exchanges;
    case 'calls':
      return c.callsPerAccount;
    case 'window':
      return new Date(c.lastSeen).getTime() - new Date(c.firstSeen).getTime();
    case 'firstSeen':
      return c.firstSeen;
    case 'score':
      return c.score;
    case 'status':
      return STATUSES.indexOf(c.status as (typeof STATUSES)[number]);
  }
}

/** Whether a campaign matches the free-text search (id, attribution, capability, member account). */
function matches(c: CampaignResult, text: string): boolean {
  if (!text) return true;
  const t = text.toLowerCase();
  return (
    c.id.toLowerCase().includes(t) ||
    (c.attribution?.campaign ?? '').toLowerCase().includes(t) ||
    (c.attribution?.summary ?? '').toLowerCase().includes(t) ||
    Object.keys(c.capabilities).some((k) => k.toLowerCase().includes(t)) ||
    c.accounts.some((a) => a.toLowerCase() === t)
  );
}

/** `2026-06-05` to an RFC 3339 bound (start or end of that UTC day). */
function dayBound(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  return end ? `${day}T23:59:59.999Z` : `${day}T00:00:00.000Z`;
}

/** The campaigns list page. */
export function Campaigns({ params }: { params: URLSearchParams }) {
  useTitle('Campaigns');
  const status = params.get('status') ?? '';
  const minScore = params.get('minScore') ?? '';
  const since = params.get('since') ?? '';
  const until = params.get('until') ?? '';
  const q = params.get('q') ?? '';
  const sort = (params.get('sort') as SortKey | null) ?? 'score';
  const dir = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const current = { status, minScore, since, until, q, sort, dir };
  const setParams = (patch: Partial<typeof current>) =>
    replaceParams(['campaigns'], { ...current, ...patch });

  const serverQuery = {
    status: status || undefined,
    minScore: minScore === '' ? undefined : Number(minScore),
    since: dayBound(since, false),
    until: dayBound(until, true),
    limit: PAGE_SIZE,
  };
  const key = JSON.stringify(serverQuery);
  // The first page refreshes every 30 s so new detections appear without a reload.
  const first = useApi(key, () => api.campaigns(serverQuery), 30_000);
  const [more, setMore] = useState<{ key: string; pages: CampaignList[] }>({ key, pages: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const pages = more.key === key ? more.pages : [];

  useEffect(() => {
    setMore({ key, pages: [] });
    setMoreError(null);
  }, [key]);

  const rows = useMemo(() => {
    const all = [...(first.data?.campaigns ?? []), ...pages.flatMap((p) => p.campaigns)];
    const seen = new Set<string>();
    const unique = all.filter((c) => !seen.has(c.id) && seen.add(c.id));
    const filtered = unique.filter((c) => matches(c, q));
    const sign = dir === 'asc' ? 1 : -1;
    return filtered.sort((a, b) => {
      const va = sortValue(a, sort);
      const vb = sortValue(b, sort);
      const cmp =
        typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
      return sign * cmp || b.score - a.score;
    });
  }, [first.data, pages, q, sort, dir]);

  const nextCursor = pages.length ? pages[pages.length - 1].nextCursor : (first.data?.nextCursor ?? null);
  const loaded = (first.data?.campaigns.length ?? 0) + pages.reduce((s, p) => s + p.campaigns.length, 0);

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.campaigns({ ...serverQuery, cursor: nextCursor });
      setMore((prev) => ({ key, pages: [...(prev.key === key ? prev.pages : []), page] }));
    } catch (err) {
      setMoreError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoadingMore(false);
    }
  };

  const onSort = (k: SortKey) => {
    if (k === sort) setParams({ dir: dir === 'asc' ? 'desc' : 'asc' });
    else setParams({ sort: k, dir: k === 'id' || k === 'attribution' || k === 'status' ? 'asc' : 'desc' });
  };

  const filtersActive = Boolean(status || minScore || since || until || q);

  return (
    <div className="page">
      <div className="page-head">
        <h1>Campaigns</h1>
        {first.data && (
          <span className="muted" data-testid="campaign-count">
            {q ? `${formatInt(rows.length)} matching of ` : ''}
            {formatInt(first.data.total)} campaign{first.data.total === 1 ? '' : 's'}
            {filtersActive ? ' with these filters' : ''}
          </span>
        )}
        {first.data && first.error && (
          <span className="error-text small" role="alert">
            Refresh failed: {first.error.message}
          </span>
        )}
      </div>

      <form
        className="filters card"
        onSubmit={(e: FormEvent) => e.preventDefault()}
        aria-label="Filter campaigns"
      >
        <label>
          Status
          <select value={status} onChange={(e) => setParams({ status: e.target.value })} name="status">
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Min score
          <input
            type="number"
            name="minScore"
            min={0}
            max={1}
            step={0.05}
            value={minScore}
            placeholder="0"
            onChange={(e) => setParams({ minScore: e.target.value })}
          />
        </label>
        <label>
          Active since
          <input
            type="date"
            name="since"
            value={since}
            onChange={(e) => setParams({ since: e.target.value })}
          />
        </label>
        <label>
          until
          <input
            type="date"
            name="until"
            value={until}
            onChange={(e) => setParams({ until: e.target.value })}
          />
        </label>
        <label className="grow">
          Search
          <input
            type="search"
            name="q"
            value={q}
            placeholder="campaign id, attribution, capability or exact account id"
            onChange={(e) => setParams({ q: e.target.value })}
          />
        </label>
        {filtersActive && (
          <button
            type="button"
            className="btn btn-link"
            onClick={() => replaceParams(['campaigns'], { sort, dir })}
          >
            Clear filters
          </button>
        )}
      </form>

      {first.error && !first.data && <ErrorBox error={first.error} onRetry={first.reload} what="campaigns" />}
      {!first.data && !first.error && <Loading what="campaigns" />}
      {first.data && rows.length === 0 && (
        <Empty title={filtersActive ? 'No campaign matches these filters' : 'No campaigns detected yet'}>
          {filtersActive
            ? 'Widen the filters or clear them.'
            : 'Campaigns appear here once ingested traffic shows coordinated accounts. Send exchanges to POST /v1/exchanges or replay a log.'}
        </Empty>
      )}
      {first.data && rows.length > 0 && (
        <div className="card table-card">
          <table className="table disclosure" data-testid="campaigns-table">
            <thead>
              <tr>
                {COLUMNS.map((col) => {
                  const sortable = col.key !== 'firstSeen';
                  const active = sort === col.key;
                  return (
                    <th
                      key={col.key}
                      className={`${col.num ? 'num' : ''}${sortable ? ' sortable' : ''}${active ? ' sorted' : ''}`}
                      title={col.title}
                      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {sortable ? (
                        <button type="button" onClick={() => onSort(col.key)} data-sort={col.key}>
                          {col.label}
                          <span className="sort-arrow">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                        </button>
                      ) : (
                        col.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <CampaignRow key={c.id} c={c} />
              ))}
            </tbody>
          </table>
          <div className="table-foot">
            <span className="muted">
              Showing {formatInt(rows.length)} of {formatInt(loaded)} loaded ({formatInt(first.data.total)} in
              all). Sorting and search apply to loaded rows.
            </span>
            {nextCursor && (
              <button type="button" className="btn" onClick={loadMore} disabled={loadingMore}>
                {loadingMore ? 'Loading…' : `Load ${PAGE_SIZE} more`}
              </button>
            )}
            {moreError && <span className="error-text">{moreError}</span>}
          </div>
        </div>
      )}
    </div>
  );
}

/** One row of the disclosure table. */
function CampaignRow({ c }: { c: CampaignResult }) {
  const caps = Object.entries(c.capabilities)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return (
    <tr data-campaign={c.id}>
      <td>
        <a href={campaignHref(c.id)} className="strong">
          {c.id}
        </a>
        <div className="muted small nowrap">detected {formatDate(c.detectedAt)}</div>
      </td>
      <td>
        {c.attribution ? (
          <span title={c.attribution.summary}>
            <a href={campaignHref(c.attribution.campaign)}>{c.attribution.campaign}</a>
            <div className="muted small clamp">{c.attribution.summary}</div>
          </span>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td className="num">{formatInt(c.accounts.length)}</td>
      <td className="num">{formatInt(c.exchanges)}</td>
      <td className="num">{formatInt(c.callsPerAccount)}</td>
      <td>
        <span title={`${formatTime(c.firstSeen)} → ${formatTime(c.lastSeen)}`}>
          {formatDate(c.firstSeen)} → {formatDate(c.lastSeen)}
        </span>
        <div className="muted small">{formatDuration(c.firstSeen, c.lastSeen)}</div>
      </td>
      <td>
        <div className="chips">
          {caps.length ? (
            caps.map(([tag, share]) => (
              <span className="chip" key={tag}>
                {humanizeKind(tag)} <span className="muted">{formatShare(share)}</span>
              </span>
            ))
          ) : (
            <span className="muted">—</span>
          )}
        </div>
      </td>
      <td className="num">
        <ScoreBar score={c.score} />
      </td>
      <td>
        <StatusBadge status={c.status} />
      </td>
    </tr>
  );
}
