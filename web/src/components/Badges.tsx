// Small visual atoms: status badge, score bar, risk dot, residency pill.
import { RESIDENCY_COLORS, riskColor, STATUS_COLORS } from '../format.js';

/** A campaign status as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className="badge" style={{ background: STATUS_COLORS[status] ?? '#868e96' }} data-status={status}>
      {status}
    </span>
  );
}

/** A score in [0, 1] as a number and a bar coloured by risk. */
export function ScoreBar({ score }: { score: number }) {
  const pct = Math.max(0, Math.min(1, score)) * 100;
  return (
    <span className="score" title={`score ${score.toFixed(3)}`}>
      <span className="score-num">{score.toFixed(2)}</span>
      <span className="score-track">
        <span className="score-fill" style={{ width: `${pct}%`, background: riskColor(score) }} />
      </span>
    </span>
  );
}

/** A small dot in the risk colour. */
export function RiskDot({ risk }: { risk: number }) {
  return <span className="dot" style={{ background: riskColor(risk) }} aria-hidden="true" />;
}

/** A residency verdict as a coloured pill. */
export function ResidencyPill({ verdict }: { verdict: string }) {
  return (
    <span
      className="pill"
      style={{ borderColor: RESIDENCY_COLORS[verdict], color: RESIDENCY_COLORS[verdict] }}
    >
      {verdict}
    </span>
  );
}
