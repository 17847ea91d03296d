// The residency map: a world choropleth of where a campaign's exchanges come from (observed IP
// country, coloured by share of exchanges) with the countries its accounts declare outlined, so a
// campaign "in the US" served from Singapore and Hong Kong shows at a glance. Countries too small
// for the 110m atlas (Singapore, Hong Kong, Malta...) are drawn as dots. Loaded as its own chunk
// (the atlas and d3-geo) only when a campaign page opens.
import { type GeoPermissibleObjects, geoEqualEarth, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';
import { formatInt, formatShare } from '../format.js';
import { ALPHA2_BY_ATLAS_NAME, ALPHA2_BY_NUMERIC, SMALL_COUNTRY_POINTS } from '../iso-countries.js';

const WIDTH = 960;
const EMPTY = '#e9ecef';
const LOW = '#c5f6fa';
const HIGH = '#0b7285';

/** One country shape of the atlas, projected once (the projection never changes). */
interface Shape {
  iso: string | null;
  name: string;
  d: string;
}

const projection = geoEqualEarth().fitWidth(WIDTH, { type: 'Sphere' });
const project = geoPath(projection);
const [, [, bottom]] = project.bounds({ type: 'Sphere' });
const HEIGHT = Math.ceil(bottom);
const SPHERE = project({ type: 'Sphere' }) ?? '';
const shapes: Shape[] = feature(atlas, atlas.objects.countries).features.map((f) => ({
  iso:
    (f.id !== undefined ? ALPHA2_BY_NUMERIC.get(String(f.id)) : ALPHA2_BY_ATLAS_NAME[f.properties.name]) ??
    null,
  name: f.properties.name,
  d: project(f as GeoPermissibleObjects) ?? '',
}));
const BORDERS = project(mesh(atlas, atlas.objects.countries, (a, b) => a !== b)) ?? '';
const shapeIsos = new Set(shapes.map((s) => s.iso));

/** The fill for a share of exchanges, scaled to the largest share (light teal -> dark teal). */
export function shareColour(share: number, maxShare: number): string {
  if (!(share > 0) || !(maxShare > 0)) return EMPTY;
  return mixHex(LOW, HIGH, Math.sqrt(Math.min(1, share / maxShare)));
}

function mixHex(from: string, to: string, t: number): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2]
    .map((i) => Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Counts keyed by upper-case code (the atlas table's spelling), merging any case variants. */
function byUpperCode(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, n] of Object.entries(counts))
    out[code.toUpperCase()] = (out[code.toUpperCase()] ?? 0) + n;
  return out;
}

/**
 * A world map of observed IP countries (`observed`: exchanges by alpha-2 code) with declared
 * countries (`declared`: accounts by alpha-2 code) outlined. Scales to its container's width.
 */
export function ResidencyMap(props: { observed: Record<string, number>; declared: Record<string, number> }) {
  const observed = byUpperCode(props.observed);
  const declared = byUpperCode(props.declared);
  const total = Object.values(observed).reduce((s, v) => s + v, 0);
  const shareOf = (iso: string) => (total > 0 ? (observed[iso] ?? 0) / total : 0);
  const maxShare = Math.max(0, ...Object.keys(observed).map(shareOf));
  const titleOf = (iso: string | null, name: string) => {
    if (!iso) return name;
    const count = observed[iso] ?? 0;
    const parts = [
      `${name} (${iso})`,
      count ? `${formatInt(count)} exchanges, ${formatShare(shareOf(iso))}` : 'no exchanges',
    ];
    if (declared[iso])
      parts.push(`declared by ${formatInt(declared[iso])} account${declared[iso] === 1 ? '' : 's'}`);
    return parts.join(' · ');
  };
  const mentioned = [...new Set([...Object.keys(observed), ...Object.keys(declared)])].filter(
    (iso) => (observed[iso] ?? 0) > 0 || (declared[iso] ?? 0) > 0,
  );
  const dots = mentioned.filter((iso) => !shapeIsos.has(iso) && SMALL_COUNTRY_POINTS[iso]);
  const unplaced = mentioned.filter((iso) => !shapeIsos.has(iso) && !SMALL_COUNTRY_POINTS[iso]).sort();

  return (
    <figure className="residency-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="Map of observed IP countries, declared countries outlined"
        data-testid="residency-map"
      >
        <path d={SPHERE} className="map-sphere" />
        <g>
          {shapes.map((s, i) => (
            <path
              // biome-ignore lint/suspicious/noArrayIndexKey: atlas shapes are static and some lack an id.
              key={i}
              d={s.d}
              fill={s.iso ? shareColour(shareOf(s.iso), maxShare) : EMPTY}
              data-iso={s.iso ?? undefined}
              data-count={s.iso ? (observed[s.iso] ?? 0) : 0}
              data-declared={s.iso && declared[s.iso] ? 'true' : undefined}
            >
              <title>{titleOf(s.iso, s.name)}</title>
            </path>
          ))}
        </g>
        <path d={BORDERS} className="map-borders" />
        <g className="map-declared">
          {shapes
            .filter((s) => s.iso && declared[s.iso])
            .map((s) => (
              <path key={s.iso} d={s.d} />
            ))}
        </g>
        {dots.map((iso) => {
          const [x, y] = projection(SMALL_COUNTRY_POINTS[iso] as [number, number]) ?? [0, 0];
          return (
            <circle
              key={iso}
              cx={x}
              cy={y}
              r={9}
              fill={shareColour(shareOf(iso), maxShare)}
              className={declared[iso] ? 'map-dot declared' : 'map-dot'}
              data-iso={iso}
              data-count={observed[iso] ?? 0}
              data-declared={declared[iso] ? 'true' : undefined}
            >
              <title>{titleOf(iso, iso)}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span className="legend-item">
          <span className="map-ramp" style={{ background: `linear-gradient(90deg, ${LOW}, ${HIGH})` }} />
          exchanges from the country (up to {formatShare(maxShare)})
        </span>
        <span className="legend-item">
          <span className="legend-swatch map-swatch-declared" /> declared by accounts
        </span>
        <span className="legend-item">
          <span className="legend-swatch" style={{ background: EMPTY }} /> none
        </span>
        {unplaced.length > 0 && (
          <span className="legend-item muted">not on the map: {unplaced.join(', ')}</span>
        )}
      </figcaption>
    </figure>
  );
}
