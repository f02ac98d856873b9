// Charts drawn on the server as inline SVG (the console runs no scripts): a tile map of the 18 areas, a
// weekly trend by monitoring item, and horizontal bars. Each is a <figure> with a title, a text alternative
// (role="img" + aria-labelledby title and description) and the table behind it. Colours are SVG presentation
// attributes, which the CSP's style-src does not govern.
import type { Child, FC } from 'hono/jsx';
import { officerText } from '../../messages/officer';

const t = officerText('charts');
const words = officerText('deskShared');

export interface Area {
  id: string;
  nameZh: string;
}

/** Grid position of each area (column, row), roughly as they lie on the map; north is up. */
const TILES: Record<string, [number, number, string]> = {
  '220122': [1, 0, '农安县'],
  'CC-XQ': [2, 0, '长春新区'],
  '220183': [3, 0, '德惠市'],
  '220182': [4, 0, '榆树市'],
  '220174': [1, 1, '汽开区'],
  '220103': [2, 1, '宽城区'],
  'CC-ZH': [3, 1, '中韩示范区'],
  '220113': [4, 1, '九台区'],
  '220184': [0, 2, '公主岭市'],
  '220106': [1, 2, '绿园区'],
  '220104': [2, 2, '朝阳区'],
  '220102': [3, 2, '南关区'],
  '220105': [4, 2, '二道区'],
  '220171': [5, 2, '经开区'],
  '220173': [1, 3, '高新区'],
  '220172': [2, 3, '净月区'],
  'CC-LHS': [3, 3, '莲花山'],
  '220112': [4, 3, '双阳区'],
};

/** Five steps from none to the most; dark steps carry white text (contrast ≥ 4.5:1 both ways). */
const SCALE = ['#eef2f5', '#cfe0f0', '#8fb8de', '#2f6fae', '#12324f'] as const;
const INK = ['#1d2329', '#1d2329', '#1d2329', '#ffffff', '#ffffff'] as const;

function step(n: number, max: number): number {
  if (n <= 0 || max <= 0) return 0;
  return Math.min(4, 1 + Math.floor(((n - 1) / max) * 4));
}

let figureSeq = 0;
/** Ids unique within a page (several charts share one page). */
const nextId = (prefix: string) => `${prefix}-${(++figureSeq).toString(36)}`;

const Figure: FC<{ id: string; title: string; desc: string; table: Child; children?: Child }> = ({
  id,
  title,
  desc,
  table,
  children,
}) => (
  <figure class="chart card" aria-labelledby={`${id}-t`}>
    <figcaption id={`${id}-t`}>{title}</figcaption>
    <p id={`${id}-d`} class="muted">
      {desc}
    </p>
    {children}
    <details>
      <summary>{t.viewTable}</summary>
      <div class="table-wrap">{table}</div>
    </details>
  </figure>
);

export const TileMap: FC<{ title: string; unit: string; areas: Area[]; counts: Map<string, number> }> = ({
  title,
  unit,
  areas,
  counts,
}) => {
  const id = nextId('map');
  const max = Math.max(0, ...areas.map((a) => counts.get(a.id) ?? 0));
  const ranked = [...areas].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  const top = ranked.filter((a) => (counts.get(a.id) ?? 0) > 0).slice(0, 3);
  const desc =
    top.length === 0
      ? t.mapNone(areas.length, unit)
      : t.mapTop(unit, top.map((a) => t.mapTopArea(a.nameZh, counts.get(a.id) ?? 0)).join(t.mapTopSeparator));
  const W = 110;
  const H = 64;
  const placed = areas.filter((a) => TILES[a.id]);
  return (
    <Figure
      id={id}
      title={title}
      desc={desc}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{words.area}</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr>
                <td>{a.nameZh}</td>
                <td>{counts.get(a.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg viewBox={`0 0 ${6 * W} ${4 * H + 28}`} role="img" aria-labelledby={`${id}-t ${id}-d`} class="chart-svg">
        <title>{title}</title>
        {placed.map((a) => {
          const [col, row, short] = TILES[a.id] as [number, number, string];
          const n = counts.get(a.id) ?? 0;
          const s = step(n, max);
          return (
            <g>
              <rect
                x={col * W + 2}
                y={row * H + 2}
                width={W - 4}
                height={H - 4}
                rx="6"
                fill={SCALE[s]}
                stroke="#8a96a3"
              />
              <text x={col * W + W / 2} y={row * H + 26} text-anchor="middle" font-size="14" fill={INK[s]}>
                {short}
              </text>
              <text
                x={col * W + W / 2}
                y={row * H + 48}
                text-anchor="middle"
                font-size="18"
                font-weight="600"
                fill={INK[s]}
              >
                {n}
              </text>
            </g>
          );
        })}
        {SCALE.map((colour, i) => (
          <rect x={i * 24 + 4} y={4 * H + 8} width="20" height="14" fill={colour} stroke="#8a96a3" />
        ))}
        <text x={5 * 24 + 10} y={4 * H + 20} font-size="13" fill="#1d2329">
          {t.mapLegend(unit, max)}
        </text>
      </svg>
    </Figure>
  );
};

/** Distinct on screen and in print: colour plus a dash pattern per series. */
const SERIES = ['#0b5cad', '#b42318', '#1e6b3a', '#8a5a00', '#6b3fa0', '#00707a', '#a4376b', '#4a5563', '#c2410c'];
const DASH = ['', '6 3', '2 3', '8 3 2 3'];

export interface Series {
  name: string;
  values: number[];
}

export const TrendChart: FC<{ title: string; labels: string[]; series: Series[] }> = ({ title, labels, series }) => {
  const id = nextId('trend');
  const W = 640;
  const H = 220;
  const left = 36;
  const bottom = 24;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => left + (i * (W - left - 10)) / Math.max(1, labels.length - 1);
  const y = (v: number) => H - bottom - (v / max) * (H - bottom - 10);
  const totals = series.map((s) => ({ name: s.name, total: s.values.reduce((a, b) => a + b, 0) }));
  const shown = totals.filter((s) => s.total > 0).sort((a, b) => b.total - a.total);
  const desc =
    shown.length === 0
      ? t.trendNone(labels.length)
      : t.trendSummary(
          labels.length,
          `${shown
            .slice(0, 3)
            .map((s) => t.trendItem(s.name, s.total))
            .join(t.summarySeparator)}${shown.length > 3 ? t.andMore : ''}`,
        );
  const drawn = series.filter((s) => s.values.some((v) => v > 0));
  return (
    <Figure
      id={id}
      title={title}
      desc={desc}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{words.item}</th>
              {labels.map((l) => (
                <th scope="col">{l}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr>
                <td>{s.name}</td>
                {s.values.map((v) => (
                  <td>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} class="chart-svg">
        <title>{title}</title>
        <line x1={left} y1={H - bottom} x2={W - 10} y2={H - bottom} stroke="#8a96a3" />
        <text x={left - 6} y={y(max) + 4} text-anchor="end" font-size="11" fill="#1d2329">
          {max}
        </text>
        <text x={left - 6} y={H - bottom + 4} text-anchor="end" font-size="11" fill="#1d2329">
          0
        </text>
        {labels.map((l, i) =>
          i % 2 === 0 ? (
            <text x={x(i)} y={H - 6} text-anchor="middle" font-size="11" fill="#1d2329">
              {l}
            </text>
          ) : null,
        )}
        {drawn.map((s, k) => (
          <polyline
            points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
            fill="none"
            stroke={SERIES[k % SERIES.length]}
            stroke-width="2"
            stroke-dasharray={DASH[Math.floor(k / SERIES.length) % DASH.length] || undefined}
          />
        ))}
      </svg>
      {drawn.length > 0 && (
        <ul class="legend">
          {drawn.map((s, k) => (
            <li>
              <svg viewBox="0 0 24 10" width="24" height="10" aria-hidden="true">
                <line
                  x1="0"
                  y1="5"
                  x2="24"
                  y2="5"
                  stroke={SERIES[k % SERIES.length]}
                  stroke-width="3"
                  stroke-dasharray={DASH[Math.floor(k / SERIES.length) % DASH.length] || undefined}
                />
              </svg>{' '}
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </Figure>
  );
};

export const BarChart: FC<{ title: string; unit: string; rows: { name: string; value: number }[] }> = ({
  title,
  unit,
  rows,
}) => {
  const id = nextId('bars');
  const bars = rows.filter((r) => r.value > 0).sort((a, b) => b.value - a.value);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const W = 640;
  const row = 24;
  const label = 250;
  const H = Math.max(1, bars.length) * row + 8;
  const desc =
    bars.length === 0
      ? t.barsNone(unit)
      : t.barsSummary(
          `${bars
            .slice(0, 3)
            .map((b) => `${b.name} ${b.value}`)
            .join(t.summarySeparator)}${bars.length > 3 ? t.andMore : ''}`,
        );
  return (
    <Figure
      id={id}
      title={title}
      desc={desc}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t.category}</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.name}</td>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} class="chart-svg">
        <title>{title}</title>
        {bars.map((b, i) => {
          const w = ((W - label - 50) * b.value) / max;
          return (
            <g>
              <text x={label - 6} y={i * row + 20} text-anchor="end" font-size="12" fill="#1d2329">
                {b.name.length > 18 ? `${b.name.slice(0, 17)}…` : b.name}
              </text>
              <rect x={label} y={i * row + 6} width={Math.max(1, w)} height={row - 8} fill="#2f6fae" />
              <text x={label + w + 6} y={i * row + 20} font-size="12" fill="#1d2329">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </Figure>
  );
};
