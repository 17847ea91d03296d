// The live overview: ingest rate (polled every 2 s and charted), totals, campaigns by status, and
// the campaigns awaiting review, so an analyst sees at a glance whether anything needs attention.
import { useEffect, useRef, useState } from 'react';
import { api, type Stats } from '../api.js';
import { ScoreBar } from '../components/Badges.js';
import { Empty, ErrorBox, Loading } from '../components/States.js';
import { TimeSeries } from '../components/TimeSeries.js';
import {
  formatCompact,
  formatGiB,
  formatInt,
  formatRate,
  formatShare,
  formatTime,
  humanizeKind,
  STATUS_COLORS,
  STATUSES,
} from '../format.js';
import { campaignHref, href, useTitle } from '../router.js';
import { useApi } from '../useApi.js';

const POLL_MS = 2000;
/** Samples kept for the rate chart: ten minutes at one sample per poll. */
const MAX_SAMPLES = 300;

/** Accumulates the polled ingest rate into a series for the chart. */
function useRateSeries(stats: Stats | null): { xs: number[]; ys: number[] } {
  const [series, setSeries] = useState<{ xs: number[]; ys: number[] }>({ xs: [], ys: [] });
  const last = useRef<Stats | null>(null);
  useEffect(() => {
    if (!stats || stats === last.current) return;
    last.current = stats;
    setSeries((prev) => ({
      xs: [...prev.xs, Date.now()].slice(-MAX_SAMPLES),
      ys: [...prev.ys, stats.ratePerSecond].slice(-MAX_SAMPLES),
    }));
  }, [stats]);
  return series;
}

/** The live overview page. */
export function Overview() {
  useTitle('Overview');
  const stats = useApi('stats', api.stats, POLL_MS);
  const review = useApi('awaiting', () => api.campaigns({ status: 'suspected', limit: 8 }), 10_000);
  const series = useRateSeries(stats.data);

  if (!stats.data) {
    if (stats.error)
      return <ErrorBox error={stats.error} onRetry={stats.reload} what="the service statistics" />;
    return <Loading what="live statistics" />;
  }
  const s = stats.data;
  const open = (s.campaigns.suspected ?? 0) + (s.campaigns.confirmed ?? 0);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Live overview</h1>
        <span className={`live ${stats.error ? 'stale' : ''}`} title="Refreshed every 2 seconds">
          <span className="live-dot" />
          {stats.error ? `connection problem: ${stats.error.message}` : 'live'}
        </span>
      </div>

      <div className="cards">
        <div className="card metric" data-testid="rate">
          <span className="metric-label">Ingest rate</span>
          <span className="metric-value">{formatRate(s.ratePerSecond)}</span>
          <span className="metric-sub">exchanges per second</span>
        </div>
        <div className="card metric">
          <span className="metric-label">Exchanges stored</span>
          <span className="metric-value">{formatCompact(s.exchanges)}</span>
          <span className="metric-sub">{formatInt(s.exchanges)} in all</span>
        </div>
        <div className="card metric">
          <span className="metric-label">Accounts seen</span>
          <span className="metric-value">{formatCompact(s.accounts)}</span>
          <span className="metric-sub">{formatInt(s.accounts)} accounts</span>
        </div>
        <div className="card metric">
          <span className="metric-label">Open campaigns</span>
          <span className="metric-value" data-testid="open-campaigns">
            {formatInt(open)}
          </span>
          <span className="metric-sub" title="Event time of the last detection pass">
            {s.lastTick ? `detection reached ${formatTime(s.lastTick)}` : 'no detection pass yet'}
          </span>
        </div>
        <div className="card metric" data-testid="detection">
          <span className="metric-label">Detection backlog</span>
          <span className="metric-value">{formatCompact(s.detectionLag)}</span>
          <span
            className="metric-sub"
            title="Exchanges stored but not yet applied by detection, and the heap of its thread"
          >
            {s.detectionLag ? 'exchanges waiting' : 'up to date'}
            {s.detectionHeapMiB &&
              `; heap ${formatGiB(s.detectionHeapMiB.used)} of ${formatGiB(s.detectionHeapMiB.limit)}`}
          </span>
        </div>
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>Exchanges ingested per second</h2>
          {series.xs.length < 2 ? (
            <p className="muted">Collecting samples… the chart starts after two readings (one every 2 s).</p>
          ) : (
            <TimeSeries
              xs={series.xs}
              ys={series.ys}
              label="exchanges/s"
              kind="line"
              color="#4263eb"
              height={200}
              formatY={formatRate}
            />
          )}
        </section>
        <section className="card">
          <h2>Campaigns by status</h2>
          <div className="status-grid">
            {STATUSES.map((status) => (
              <a
                key={status}
                className="status-tile"
                href={href(['campaigns'], { status })}
                style={{ borderLeftColor: STATUS_COLORS[status] }}
                data-testid={`status-${status}`}
              >
                <span className="status-count">{formatInt(s.campaigns[status] ?? 0)}</span>
                <span className="status-name">{status}</span>
              </a>
            ))}
          </div>
          <p className="muted small">
            Suspected campaigns wait for an analyst; confirmed ones feed the block list; dismissed ones are
            not raised again unless their pattern changes.
          </p>
        </section>
      </div>

      <section className="card">
        <div className="section-head">
          <h2>Awaiting review</h2>
          <a href={href(['campaigns'], { status: 'suspected' })}>all suspected campaigns →</a>
        </div>
        {review.error && !review.data && (
          <ErrorBox error={review.error} onRetry={review.reload} what="campaigns awaiting review" />
        )}
        {!review.data && !review.error && <Loading what="campaigns" />}
        {review.data && review.data.campaigns.length === 0 && (
          <Empty title="Nothing awaits review">No campaign is in the suspected state right now.</Empty>
        )}
        {review.data && review.data.campaigns.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th>Campaign</th>
                <th className="num">Accounts</th>
                <th className="num">Exchanges</th>
                <th>Top capability</th>
                <th>Score</th>
              </tr>
            </thead>
            <tbody>
              {[...review.data.campaigns]
                .sort((a, b) => b.score - a.score)
                .map((c) => {
                  const top = Object.entries(c.capabilities).sort((a, b) => b[1] - a[1])[0];
                  return (
                    <tr key={c.id}>
                      <td>
                        <a href={campaignHref(c.id)}>{c.id}</a>
                      </td>
                      <td className="num">{formatInt(c.accounts.length)}</td>
                      <td className="num">{formatInt(c.exchanges)}</td>
                      <td>{top ? `${humanizeKind(top[0])} ${formatShare(top[1])}` : '—'}</td>
                      <td>
                        <ScoreBar score={c.score} />
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
