// Horizontal bars for categorical mixes (capabilities, extraction tags, countries): label, bar, value.
import { formatInt, formatShare, humanizeKind } from '../format.js';

/** One row of a bar list. */
export interface Bar {
  key: string;
  value: number;
  color?: string;
}

/**
 * Bars sorted by value. `mode: 'share'` prints values as percentages of 1; 'count' as integers
 * with their share of the total.
 */
export function BarList({
  bars,
  mode,
  max = 12,
  color = '#4263eb',
  label = humanizeKind,
}: {
  bars: Bar[];
  mode: 'share' | 'count';
  max?: number;
  color?: string;
  label?: (key: string) => string;
}) {
  const sorted = [...bars].filter((b) => b.value > 0).sort((a, b) => b.value - a.value);
  const shown = sorted.slice(0, max);
  const top = Math.max(...shown.map((b) => b.value), mode === 'share' ? 0 : 1);
  const total = sorted.reduce((s, b) => s + b.value, 0);
  const scale = mode === 'share' ? Math.max(top, 0.0001) : top;
  return (
    <div className="barlist">
      {shown.map((b) => (
        <div className="barlist-row" key={b.key}>
          <span className="barlist-label" title={b.key}>
            {label(b.key)}
          </span>
          <span className="barlist-track">
            <span
              className="barlist-fill"
              style={{ width: `${(b.value / scale) * 100}%`, background: b.color ?? color }}
            />
          </span>
          <span className="barlist-value">
            {mode === 'share' ? (
              formatShare(b.value)
            ) : (
              <>
                {formatInt(b.value)}{' '}
                <span className="muted">{total ? formatShare(b.value / total) : ''}</span>
              </>
            )}
          </span>
        </div>
      ))}
      {sorted.length > shown.length && (
        <div className="muted small">and {sorted.length - shown.length} more with smaller values</div>
      )}
    </div>
  );
}

/** A single stacked bar of parts of a whole (residency verdicts), with a legend. */
export function StackedBar({ parts }: { parts: { key: string; value: number; color: string }[] }) {
  const total = parts.reduce((s, p) => s + p.value, 0);
  if (!total) return null;
  return (
    <div>
      <div className="stacked">
        {parts
          .filter((p) => p.value > 0)
          .map((p) => (
            <span
              key={p.key}
              className="stacked-part"
              style={{ width: `${(p.value / total) * 100}%`, background: p.color }}
              title={`${p.key}: ${formatInt(p.value)}`}
            />
          ))}
      </div>
      <div className="legend">
        {parts.map((p) => (
          <span className="legend-item" key={p.key}>
            <span className="legend-swatch" style={{ background: p.color }} />
            {p.key} <strong>{formatInt(p.value)}</strong>{' '}
            <span className="muted">{formatShare(p.value / total)}</span>
          </span>
        ))}
      </div>
    </div>
  );
}
