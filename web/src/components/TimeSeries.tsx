// A time-series chart (uPlot): hourly campaign activity as bars, live ingest rate as a line.
// uPlot is small and fast; this wrapper sizes it to its container and redraws on data changes.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCompact, formatInt } from '../format.js';

/** "14:05:10" (UTC) for short spans. */
function clockLabel(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(11, 19);
}

/** "05-12" at midnight, "14:00" otherwise (UTC, 24-hour). */
function dayHourLabel(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return iso.slice(11, 16) === '00:00' ? iso.slice(5, 10) : iso.slice(11, 16);
}

/** Props of a time series: epoch-ms x values, y values, and how to draw them. */
export interface TimeSeriesProps {
  xs: number[];
  ys: number[];
  label: string;
  kind: 'bars' | 'line';
  color?: string;
  height?: number;
  /** Width of one bar's time bucket (ms): an hour for hourly bars, a day for daily ones. */
  stepMs?: number;
  /** Format of the y value in the cursor legend. */
  formatY?: (v: number) => string;
}

/** A responsive uPlot chart of one series over time (UTC). */
export function TimeSeries({
  xs,
  ys,
  label,
  kind,
  color = '#4263eb',
  height = 220,
  formatY = formatInt,
  stepMs,
}: TimeSeriesProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const short = xs.length > 1 && xs[xs.length - 1] - xs[0] < 3 * 3_600_000;
    // Bars get half a bucket of room on each side (a single bar still gets a sensible axis).
    const step = (stepMs ?? (xs.length > 1 ? xs[1] - xs[0] : 3_600_000)) / 1000;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false } },
      scales: {
        // Short spans (the live chart) show at least the last minute, so early samples do not fill the width.
        x: {
          time: true,
          range: (_u, min, max) =>
            kind === 'bars'
              ? [min - step / 2, max + step / 2]
              : short
                ? [Math.min(min, max - 60), max]
                : [min, max],
        },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [
        {
          stroke: '#5c677d',
          grid: { stroke: '#eef0f4' },
          ticks: { stroke: '#dde1e8' },
          // UTC, 24-hour: clock labels for short spans (the live chart), day and hour otherwise.
          values: (_u: uPlot, splits: number[]) =>
            splits.map(
              xs.length > 1 && xs[xs.length - 1] - xs[0] < 3 * 3_600_000 ? clockLabel : dayHourLabel,
            ),
        },
        {
          stroke: '#5c677d',
          grid: { stroke: '#eef0f4' },
          ticks: { stroke: '#dde1e8' },
          size: 56,
          values: (_u, splits) => splits.map((v) => formatCompact(v)),
        },
      ],
      series: [
        { label: 'time (UTC)' },
        kind === 'bars'
          ? {
              label,
              stroke: color,
              fill: `${color}cc`,
              width: 0,
              paths: uPlot.paths.bars?.({ size: [0.85, 40], align: 0 }),
              points: { show: false },
              value: (_u, v) => (v === null ? '—' : formatY(v)),
            }
          : {
              label,
              stroke: color,
              width: 2,
              fill: `${color}22`,
              points: { show: false },
              value: (_u, v) => (v === null ? '—' : formatY(v)),
            },
      ],
    };
    const data: uPlot.AlignedData = [xs.map((x) => x / 1000), ys];
    plot.current?.destroy();
    plot.current = new uPlot(opts, data, el);
    const observer = new ResizeObserver(() => {
      plot.current?.setSize({ width: Math.max(200, el.clientWidth), height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [xs, ys, label, kind, color, height, formatY, stepMs]);

  return <div className="timeseries" ref={host} data-points={xs.length} />;
}
