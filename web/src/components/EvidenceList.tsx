// The evidence behind a finding, each item explained in words: what kind of fact it is, what that
// means, how much it weighs, and the facts themselves so a reviewer can check them without the tool.
import type { Evidence } from '../api.js';
import { evidenceTitle, explainEvidence, formatInt, humanizeKind, kindFamily } from '../format.js';
import { accountHref } from '../router.js';
import { Empty } from './States.js';

/** A shared value and how many accounts hold it (the facts of link evidence). */
function isHeldValue(value: unknown): value is { value: unknown; holders: number } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    'value' in value &&
    typeof (value as { holders?: unknown }).holders === 'number'
  );
}

/** Renders one fact value; strings naming known accounts become links. */
function FactValue({ value, accounts }: { value: unknown; accounts: Set<string> }) {
  if (Array.isArray(value)) {
    const shown = value.slice(0, 10);
    return (
      <span className="fact-list">
        {shown.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: facts are static lists.
          <span key={i}>
            {i > 0 && ', '}
            <FactValue value={v} accounts={accounts} />
          </span>
        ))}
        {value.length > shown.length && (
          <span className="muted"> and {value.length - shown.length} more</span>
        )}
      </span>
    );
  }
  if (typeof value === 'string' && accounts.has(value)) return <a href={accountHref(value)}>{value}</a>;
  if (typeof value === 'number') return <>{Number.isInteger(value) ? formatInt(value) : value.toFixed(3)}</>;
  if (isHeldValue(value)) {
    return (
      <>
        <FactValue value={value.value} accounts={accounts} />{' '}
        <span className="muted">
          (held by {formatInt(value.holders)} account{value.holders === 1 ? '' : 's'})
        </span>
      </>
    );
  }
  if (value !== null && typeof value === 'object') {
    const all = Object.entries(value as Record<string, unknown>);
    const entries = all.slice(0, 12);
    const more = all.length - entries.length;
    // Objects of lists (examples per tag) read best one entry a line; flat counts fit on one line.
    if (Object.values(value).some((v) => v !== null && typeof v === 'object')) {
      return (
        <span className="fact-block">
          {entries.map(([k, v]) => (
            <span key={k} className="fact-line">
              <span className="muted">{humanizeKind(k)}:</span> <FactValue value={v} accounts={accounts} />
            </span>
          ))}
          {more > 0 && <span className="muted">and {more} more</span>}
        </span>
      );
    }
    return (
      <span className="fact-list">
        {entries.map(([k, v], i) => (
          <span key={k}>
            {i > 0 && '; '}
            {k}: <FactValue value={v} accounts={accounts} />
          </span>
        ))}
        {more > 0 && <span className="muted"> and {more} more</span>}
      </span>
    );
  }
  return <>{String(value)}</>;
}

/** Whether a fact needs a whole row (long lists, long text). */
function isWide(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 3 || value.some((v) => v !== null && typeof v === 'object');
  if (typeof value === 'string') return value.length > 40;
  if (value === null || typeof value !== 'object') return false;
  const values = Object.values(value);
  return (
    values.length > 3 ||
    values.some((v) => (v !== null && typeof v === 'object') || (typeof v === 'string' && v.length > 40))
  );
}

/** A weight as a signed bar: positive (more suspicious) to the right in red, negative in green. */
function WeightBar({ weight, max }: { weight: number; max: number }) {
  const pct = Math.min(1, Math.abs(weight) / max) * 50;
  const sign = weight > 0 ? 'pos' : weight < 0 ? 'neg' : 'zero';
  return (
    <span className="weight" title={`weight ${weight > 0 ? '+' : ''}${weight.toFixed(3)}`}>
      <span className="weight-track">
        <span
          className={`weight-fill ${sign}`}
          style={weight >= 0 ? { left: '50%', width: `${pct}%` } : { right: '50%', width: `${pct}%` }}
        />
      </span>
      <span className={`weight-num ${sign}`}>
        {weight > 0 ? '+' : weight < 0 ? '−' : ''}
        {Math.abs(weight).toFixed(2)}
      </span>
    </span>
  );
}

/** The evidence list, strongest first, with the total it adds up to. */
export function EvidenceList({
  evidence,
  accounts = new Set<string>(),
}: {
  evidence: Evidence[];
  accounts?: Set<string>;
}) {
  if (!evidence.length)
    return <Empty title="No evidence recorded">The finding carries no evidence items.</Empty>;
  const sorted = [...evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const max = Math.max(1e-9, ...sorted.map((e) => Math.abs(e.weight)));
  return (
    <ol className="evidence">
      {sorted.map((e, i) => {
        const explanation = explainEvidence(e.kind);
        const line = typeof e.facts?.line === 'string' ? e.facts.line : null;
        const facts = Object.entries(e.facts ?? {}).filter(([k]) => !(k === 'line' && line));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is static for one response.
          <li key={i} className="evidence-item" data-kind={e.kind}>
            <div className="evidence-head">
              <span className="evidence-kind">
                <span className="legend-line" style={{ background: kindFamily(e.kind).color }} />
                {evidenceTitle(e.kind)}
                {line && <span className="chip">{line}</span>}
              </span>
              <WeightBar weight={e.weight} max={max} />
            </div>
            <p className="evidence-summary">{e.summary}</p>
            {explanation && (
              <p className="evidence-why">
                <span className="muted">Why it matters: </span>
                {e.weight < 0 ? `This lowers the score. ${explanation}` : explanation}
              </p>
            )}
            {facts.length > 0 && (
              <dl className="facts">
                {facts.map(([k, v]) => (
                  <div key={k} className={`fact${isWide(v) ? ' wide' : ''}`}>
                    <dt>{humanizeKind(k)}</dt>
                    <dd>
                      <FactValue value={v} accounts={accounts} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
