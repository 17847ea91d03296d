// One account: its verdict and campaign, traffic summary, identity facts, residency verdict with
// evidence, activity by hour and day, links to other accounts with the evidence behind each, and
// the analyst override.
import { useMemo, useState } from 'react';
import { type AccountDetail, ApiError, api } from '../api.js';
import { ResidencyPill, RiskDot, ScoreBar } from '../components/Badges.js';
import { BarList } from '../components/BarList.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { HourBars } from '../components/HourBars.js';
import { OverrideForm } from '../components/Review.js';
import { Empty, ErrorBox, Loading } from '../components/States.js';
import { TimeSeries } from '../components/TimeSeries.js';
import {
  countryLabel,
  formatInt,
  formatShare,
  formatTime,
  humanizeKind,
  kindFamily,
  riskLabel,
} from '../format.js';
import { accountHref, campaignHref, href, useTitle } from '../router.js';
import { signOutRejected, useApi } from '../useApi.js';

/** The account page. */
export function Account({ id }: { id: string }) {
  useTitle(`Account ${id}`);
  const state = useApi(`account:${id}`, () => api.account(id));
  if (!state.data) {
    if (state.error) return <ErrorBox error={state.error} onRetry={state.reload} what={`account ${id}`} />;
    return <Loading what={`account ${id}`} />;
  }
  return <AccountView detail={state.data} reload={state.reload} />;
}

function AccountView({ detail, reload }: { detail: AccountDetail; reload: () => void }) {
  const { summary: s, verdict, residency, links, campaign } = detail;
  const days = useMemo(() => Object.entries(s.daily ?? {}).sort(([a], [b]) => a.localeCompare(b)), [s.daily]);
  const dayXs = useMemo(() => days.map(([d]) => new Date(`${d}T00:00:00Z`).getTime()), [days]);
  const dayYs = useMemo(() => days.map(([, n]) => n), [days]);
  const id = detail.account;
  const risk = verdict?.risk ?? 0;
  const tokensOut = s.outputTokens + s.reasoningTokens;

  return (
    <div className="page">
      <nav className="crumbs">
        {campaign ? (
          <>
            <a href={href(['campaigns'])}>Campaigns</a> / <a href={campaignHref(campaign)}>{campaign}</a> /{' '}
          </>
        ) : (
          <>Accounts / </>
        )}
        <span>{id}</span>
      </nav>
      <div className="page-head">
        <h1>
          Account <span className="mono">{id}</span>
        </h1>
        {verdict && <ScoreBar score={risk} />}
        {detail.override && (
          <span className="badge" style={{ background: '#364fc7' }} title={detail.override.note ?? undefined}>
            override: {detail.override.decision}
          </span>
        )}
      </div>

      <div className="cards">
        <div className="card metric">
          <span className="metric-label">Risk</span>
          <span className="metric-value">
            {verdict ? (
              <>
                <RiskDot risk={risk} /> {risk.toFixed(2)}
              </>
            ) : (
              '—'
            )}
          </span>
          <span className="metric-sub">
            {verdict ? `${riskLabel(risk)}; flagged ${formatTime(verdict.flaggedAt)}` : 'no verdict yet'}
          </span>
        </div>
        <div className="card metric">
          <span className="metric-label">Campaign</span>
          <span className="metric-value">
            {campaign ? <a href={campaignHref(campaign)}>{campaign}</a> : <span className="muted">none</span>}
          </span>
          <span className="metric-sub">{campaign ? 'member account' : 'not part of a campaign'}</span>
        </div>
        <div className="card metric">
          <span className="metric-label">Exchanges</span>
          <span className="metric-value">{formatInt(s.exchanges)}</span>
          <span className="metric-sub">
            {formatTime(s.firstSeen)} → {formatTime(s.lastSeen)}
          </span>
        </div>
        <div className="card metric">
          <span className="metric-label">Tokens</span>
          <span className="metric-value">{formatInt(s.inputTokens + tokensOut)}</span>
          <span className="metric-sub">
            {formatInt(s.inputTokens)} in · {formatInt(s.outputTokens)} out · {formatInt(s.reasoningTokens)}{' '}
            reasoning
          </span>
        </div>
        <div className="card metric">
          <span className="metric-label">Errors</span>
          <span className="metric-value">{formatInt(s.errors)}</span>
          <span className="metric-sub">
            {formatInt(s.rateLimited)} rate-limited (429)
            {s.exchanges ? `, ${formatShare(s.rateLimited / s.exchanges)}` : ''}
          </span>
        </div>
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>Residency</h2>
          {residency ? (
            <>
              <div className="kv">
                <span>Verdict</span>
                <span>
                  <ResidencyPill verdict={residency.verdict} />{' '}
                  <span className="muted">
                    score {residency.score.toFixed(2)}, confidence {formatShare(residency.confidence)}
                  </span>
                </span>
                <span>Declared</span>
                <span>
                  {countryLabel(residency.declaredCountry)}
                  {residency.restricted && <span className="tag-warn"> restricted region</span>}
                </span>
                <span>Inferred region</span>
                <span>{residency.inferredRegion ?? <span className="muted">undetermined</span>}</span>
              </div>
              <h3>Residency evidence</h3>
              <EvidenceList evidence={residency.evidence} />
            </>
          ) : (
            <Empty title="No residency verdict">
              Not enough evidence about where this account really is.
            </Empty>
          )}
        </section>
        <section className="card">
          <h2>Identity</h2>
          <div className="kv">
            <span>Organisation</span>
            <span>{s.org ?? '—'}</span>
            <span>Signed up</span>
            <span>{formatTime(s.identity.signupTs)}</span>
            <span>Route</span>
            <span>{s.identity.route ?? '—'}</span>
            <span>Declared country</span>
            <span>{countryLabel(s.identity.declaredCountry)}</span>
            <span>Card / phone country</span>
            <span>
              {countryLabel(s.identity.cardCountry)} / {countryLabel(s.identity.phoneCountry)}
            </span>
            <span>Email</span>
            <span className="mono">
              {s.identity.emailLocalShape ?? '?'}@{s.identity.emailDomain ?? '?'}
            </span>
            <span>Payment fingerprint</span>
            <span className="mono">{s.identity.paymentFingerprint ?? '—'}</span>
            <span>Sign-up IP</span>
            <span className="mono">
              {s.identity.signupIp ?? '—'}
              {s.identity.signupNet && (
                <span className="muted">
                  {' '}
                  ({s.identity.signupNet.class}, AS{s.identity.signupNet.asn ?? '?'}{' '}
                  {s.identity.signupNet.asOrg ?? ''}, {countryLabel(s.identity.signupNet.country)})
                </span>
              )}
            </span>
            <span>Device / JA4</span>
            <span className="mono">
              {s.identity.deviceId ?? '—'} / {s.identity.ja4 ?? '—'}
            </span>
            <span>API keys</span>
            <span>{formatInt(s.apiKeys)}</span>
            {s.identity.bannedAt !== null && (
              <>
                <span>Banned</span>
                <span className="error-text">{formatTime(s.identity.bannedAt)}</span>
              </>
            )}
          </div>
        </section>
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>Activity by hour of day (UTC)</h2>
          {s.hourly?.some((v) => v > 0) ? (
            <HourBars hourly={s.hourly} />
          ) : (
            <Empty title="No activity recorded" />
          )}
          <p className="muted small">
            A human's day shows a night-time trough in their own time zone; scripts run around the clock.
          </p>
        </section>
        <section className="card">
          <h2>Activity by day</h2>
          {days.length ? (
            <TimeSeries
              xs={dayXs}
              ys={dayYs}
              label="exchanges per day"
              kind="bars"
              color="#4263eb"
              height={180}
              stepMs={86_400_000}
            />
          ) : (
            <Empty title="No daily activity recorded" />
          )}
        </section>
      </div>

      <div className="grid-3">
        <MixCard title="Capabilities" counts={s.capabilities} color="#4263eb" />
        <MixCard title="Extraction tags" counts={s.extraction} color="#d6336c" />
        <MixCard title="Models" counts={s.models} color="#7048e8" label={(k) => k} />
        <MixCard title="Networks" counts={s.netClasses} color="#1c7ed6" />
        <MixCard title="IP countries" counts={s.ipCountries} color="#0b7285" label={countryLabel} />
        <MixCard title="Languages" counts={s.languages} color="#2b8a3e" label={(k) => k} />
      </div>

      <section className="card">
        <h2>Linked accounts</h2>
        <Links links={links} />
      </section>

      <section className="card">
        <h2>Override</h2>
        <p className="muted small">
          An override wins over the computed verdict at the gateway (GET /v1/accounts/:id/risk) and is kept in
          the audit log with your note.
        </p>
        {detail.override && <CurrentOverride account={id} override={detail.override} onCleared={reload} />}
        <OverrideForm account={id} current={detail.override?.decision ?? null} onDone={reload} />
      </section>
    </div>
  );
}

function MixCard({
  title,
  counts,
  color,
  label,
}: {
  title: string;
  counts: Record<string, number> | undefined;
  color: string;
  label?: (key: string) => string;
}) {
  const bars = Object.entries(counts ?? {}).map(([key, value]) => ({ key, value }));
  return (
    <section className="card">
      <h2>{title}</h2>
      {bars.some((b) => b.value > 0) ? (
        <BarList bars={bars} mode="count" max={6} color={color} label={label} />
      ) : (
        <p className="muted">None recorded.</p>
      )}
    </section>
  );
}

/** Linked accounts, strongest first; each expands to the evidence behind the link. */
function Links({ links }: { links: AccountDetail['links'] }) {
  const [open, setOpen] = useState<string | null>(null);
  const [limit, setLimit] = useState(25);
  if (!links.length)
    return <Empty title="No linked accounts">No shared attribute ties this account to another.</Empty>;
  const sorted = [...links].sort((a, b) => b.weight - a.weight);
  const maxWeight = Math.max(1e-9, ...sorted.map((l) => l.weight));
  return (
    <>
      <table className="table" data-testid="links-table">
        <thead>
          <tr>
            <th>Account</th>
            <th>Link weight</th>
            <th>Shared</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, limit).map((l) => (
            <LinkRow
              key={l.account}
              link={l}
              maxWeight={maxWeight}
              open={open === l.account}
              onToggle={() => setOpen(open === l.account ? null : l.account)}
            />
          ))}
        </tbody>
      </table>
      {sorted.length > limit && (
        <div className="table-foot">
          <span className="muted">
            Showing {formatInt(limit)} of {formatInt(sorted.length)} links.
          </span>
          <button type="button" className="btn" onClick={() => setLimit(limit + 100)}>
            Show more
          </button>
        </div>
      )}
    </>
  );
}

function LinkRow({
  link,
  maxWeight,
  open,
  onToggle,
}: {
  link: AccountDetail['links'][number];
  maxWeight: number;
  open: boolean;
  onToggle: () => void;
}) {
  const kinds = [...new Set(link.evidence.map((e) => e.kind))];
  return (
    <>
      <tr>
        <td>
          <a href={accountHref(link.account)} className="mono">
            {link.account}
          </a>
        </td>
        <td>
          <span className="score">
            <span className="score-num">{link.weight.toFixed(2)}</span>
            <span className="score-track">
              <span
                className="score-fill"
                style={{ width: `${(link.weight / maxWeight) * 100}%`, background: '#4263eb' }}
              />
            </span>
          </span>
        </td>
        <td>
          <div className="chips">
            {kinds.map((k) => (
              <span className="chip" key={k}>
                <span className="legend-line" style={{ background: kindFamily(k).color }} />
                {humanizeKind(k.replace(/^shared-/, ''))}
              </span>
            ))}
          </div>
        </td>
        <td className="right">
          <button type="button" className="btn btn-small" onClick={onToggle} aria-expanded={open}>
            {open ? 'Hide evidence' : 'Evidence'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="subrow">
          <td colSpan={4}>
            <EvidenceList evidence={link.evidence} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The standing override, with who set it and a button to clear it. */
function CurrentOverride({
  account,
  override,
  onCleared,
}: {
  account: string;
  override: NonNullable<AccountDetail['override']>;
  onCleared: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clear = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.clearOverride(account);
      onCleared();
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, String(err));
      if (e.status === 401) signOutRejected();
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="current-override" data-testid="current-override">
      <span>
        Current override: <strong>{override.decision}</strong>
        {override.note && <> (“{override.note}”)</>}
        {override.actor && <span className="muted"> by {override.actor}</span>}
        {override.ts !== undefined && <span className="muted">, {formatTime(override.ts)}</span>}
      </span>
      <button type="button" className="btn btn-small" onClick={clear} disabled={busy}>
        {busy ? 'Clearing…' : 'Clear override'}
      </button>
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}
