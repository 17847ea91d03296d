// Activity by UTC hour of day as 24 SVG bars: the diurnal pattern a residency check reads.
import { formatInt } from '../format.js';

/** 24 bars, one per UTC hour, with hour ticks every 3 hours. */
export function HourBars({ hourly, color = '#4263eb' }: { hourly: number[]; color?: string }) {
  const values = Array.from({ length: 24 }, (_, h) => hourly[h] ?? 0);
  const top = Math.max(1, ...values);
  const w = 600;
  const h = 160;
  const pad = { l: 36, r: 8, t: 8, b: 22 };
  const bw = (w - pad.l - pad.r) / 24;
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / top);
  return (
    <svg className="hourbars" viewBox={`0 0 ${w} ${h}`} role="img" aria-label="Exchanges by UTC hour of day">
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={pad.l} x2={w - pad.r} y1={y(top * f)} y2={y(top * f)} className="gridline" />
          <text x={pad.l - 6} y={y(top * f) + 4} textAnchor="end" className="axis-label">
            {formatInt(top * f)}
          </text>
        </g>
      ))}
      {values.map((v, hour) => (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the identity.
          key={hour}
          x={pad.l + hour * bw + 1}
          y={y(v)}
          width={bw - 2}
          height={Math.max(0, h - pad.b - y(v))}
          fill={color}
          rx={2}
        >
          <title>{`${String(hour).padStart(2, '0')}:00 UTC: ${formatInt(v)} exchanges`}</title>
        </rect>
      ))}
      {values.map((_, hour) =>
        hour % 3 === 0 ? (
          <text
            // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the identity.
            key={hour}
            x={pad.l + hour * bw + bw / 2}
            y={h - 6}
            textAnchor="middle"
            className="axis-label"
          >
            {String(hour).padStart(2, '0')}h
          </text>
        ) : null,
      )}
    </svg>
  );
}
