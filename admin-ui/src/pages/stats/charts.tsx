// Plain inline SVG charts: a viewBox that scales with its panel, text large enough to read at 1920x1080.

const W = 640;
const H = 260;
const pad = { left: 44, right: 12, top: 14, bottom: 34 };
const plotW = W - pad.left - pad.right;
const plotH = H - pad.top - pad.bottom;

/** A top for the axis that divides into four whole steps, so every tick reads as a whole number. */
function niceMax(max: number): number {
  const quarter = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, quarter)));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= quarter && Number.isInteger(s)) ?? 10 * magnitude;
  return Math.max(4, step * 4);
}

function Axis({ top }: { top: number }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <g class="chart-axis">
      {ticks.map((f) => {
        const y = pad.top + plotH * (1 - f);
        return (
          <g key={f}>
            <line x1={pad.left} x2={W - pad.right} y1={y} y2={y} class="chart-grid" />
            <text x={pad.left - 6} y={y + 4} text-anchor="end">{top * f}</text>
          </g>
        );
      })}
    </g>
  );
}

export interface Bar { label: string; value: number }

/** Bars per slot with a line over them: arrivals against what the open windows could serve. */
export function BarLineChart({ bars, line, title, testid }: { bars: Bar[]; line: (number | null)[]; title: string; testid?: string }) {
  const top = niceMax(Math.max(1, ...bars.map((b) => b.value), ...line.map((v) => v ?? 0)));
  const slot = plotW / Math.max(1, bars.length);
  const y = (v: number) => pad.top + plotH * (1 - v / top);
  const points = line.map((v, i) => (v == null ? null : `${pad.left + slot * (i + 0.5)},${y(v)}`)).filter(Boolean).join(' ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} class="chart" role="img" aria-label={title} data-testid={testid}>
      <Axis top={top} />
      {bars.map((b, i) => (
        <g key={b.label}>
          <rect class="chart-bar" x={pad.left + slot * i + slot * 0.15} width={slot * 0.7} y={y(b.value)} height={pad.top + plotH - y(b.value)}>
            <title>{`${b.label}: ${b.value}`}</title>
          </rect>
          <text class="chart-label" x={pad.left + slot * (i + 0.5)} y={H - pad.bottom + 18} text-anchor="middle">{b.label}</text>
        </g>
      ))}
      {points ? <polyline class="chart-line" points={points} /> : null}
      {line.map((v, i) => (v == null ? null : <circle key={i} class="chart-dot" cx={pad.left + slot * (i + 0.5)} cy={y(v)} r={3.5} />))}
    </svg>
  );
}

/** Counts per bin, bars touching, as a distribution reads. */
export function Histogram({ bins, title, testid }: { bins: Bar[]; title: string; testid?: string }) {
  const top = niceMax(Math.max(1, ...bins.map((b) => b.value)));
  const slot = plotW / Math.max(1, bins.length);
  const y = (v: number) => pad.top + plotH * (1 - v / top);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} class="chart" role="img" aria-label={title} data-testid={testid}>
      <Axis top={top} />
      {bins.map((b, i) => (
        <g key={b.label}>
          <rect class="chart-bar chart-bar-alt" x={pad.left + slot * i + 1} width={slot - 2} y={y(b.value)} height={pad.top + plotH - y(b.value)}>
            <title>{`${b.label}: ${b.value}`}</title>
          </rect>
          {b.value > 0 ? <text class="chart-value" x={pad.left + slot * (i + 0.5)} y={y(b.value) - 4} text-anchor="middle">{b.value}</text> : null}
          <text class="chart-label" x={pad.left + slot * (i + 0.5)} y={H - pad.bottom + 18} text-anchor="middle">{b.label}</text>
        </g>
      ))}
    </svg>
  );
}

export interface Share { label: string; share: number | null; note: string }

/** One horizontal bar per item on a 0-100 % scale; the figure is written beside the bar, never colour alone. */
export function ShareBars({ items, title, testid }: { items: Share[]; title: string; testid?: string }) {
  const row = 30;
  const left = 120;
  const width = W - left - 90;
  const height = Math.max(row, items.length * row) + 8;
  return (
    <svg viewBox={`0 0 ${W} ${height}`} class="chart" role="img" aria-label={title} data-testid={testid}>
      {items.map((it, i) => {
        const share = Math.max(0, Math.min(1, it.share ?? 0));
        const y0 = 4 + i * row;
        return (
          <g key={it.label}>
            <text class="chart-label" x={left - 8} y={y0 + row / 2 + 5} text-anchor="end">{it.label}</text>
            <rect class="chart-track" x={left} y={y0 + 5} width={width} height={row - 10} />
            <rect class={share >= 0.85 ? 'chart-bar chart-bar-hot' : 'chart-bar'} x={left} y={y0 + 5} width={width * share} height={row - 10} />
            <text class="chart-value" x={left + width + 8} y={y0 + row / 2 + 5}>{it.note}</text>
          </g>
        );
      })}
    </svg>
  );
}
