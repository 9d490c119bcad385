import { useId, useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { ScalingPoint } from '../../state/scaling-curve';
import './scaling-chart.css';

/**
 * The test-time compute curve: solve rate against simulations per puzzle. d3-scale and d3-shape
 * compute; React draws every element, so the chart re-renders like any other component and
 * needs no d3-selection.
 */
export interface ScalingChartProps {
  readonly points: readonly ScalingPoint[];
  /** Puzzles in the batch. */
  readonly total: number;
  /** The batch is still running: more points will come. */
  readonly running?: boolean;
}

// Drawing units; the viewBox scales them to the container's width.
const WIDTH = 480;
const HEIGHT = 280;
const MARGIN = { top: 14, right: 22, bottom: 52, left: 70 };
const PLOT = {
  left: MARGIN.left,
  right: WIDTH - MARGIN.right,
  top: MARGIN.top,
  bottom: HEIGHT - MARGIN.bottom,
};
const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** More x ticks than this crowd the labels; every second (fourth, ...) power of two is kept. */
const MAX_X_TICKS = 8;

const simulations = (n: number): string => `${n} simulation${n === 1 ? '' : 's'}`;
const percent = (rate: number): string => `${Math.round(rate * 100)}%`;

/** The budgets are doublings, so the x axis is log2; a single budget still gets a width. */
function simsDomain(points: readonly ScalingPoint[]): [number, number] {
  const sims = points.map((p) => p.sims);
  const lo = Math.min(...sims);
  const hi = Math.max(...sims);
  return lo === hi ? [lo / 2, hi * 2] : [lo, hi];
}

/**
 * Whole powers of two inside the domain; the data's own budgets where it holds fewer than two
 * (a single budget, or budgets between two powers).
 */
function simsTicks([lo, hi]: [number, number], points: readonly ScalingPoint[]): number[] {
  const first = Math.max(0, Math.ceil(Math.log2(lo)));
  const last = Math.floor(Math.log2(hi));
  const step = Math.max(1, Math.ceil((last - first + 1) / MAX_X_TICKS));
  const ticks: number[] = [];
  for (let e = first; e <= last; e += step) ticks.push(2 ** e);
  return points.length > 1 && ticks.length >= 2 ? ticks : [...new Set(points.map((p) => p.sims))];
}

export function ScalingChart({ points, total, running = false }: ScalingChartProps) {
  const titleId = useId();
  const chart = useMemo(() => {
    // A log axis cannot place zero or negative budgets; the curve never produces them.
    const drawn = points.filter((p) => Number.isFinite(p.sims) && p.sims > 0).sort((a, b) => a.sims - b.sims);
    if (drawn.length === 0) return null;
    const domain = simsDomain(drawn);
    const x = scaleLog().base(2).domain(domain).range([PLOT.left, PLOT.right]);
    const y = scaleLinear().domain([0, 1]).range([PLOT.bottom, PLOT.top]).clamp(true);
    const curve = line<ScalingPoint>()
      .x((p) => x(p.sims))
      .y((p) => y(p.rate));
    const fill = area<ScalingPoint>()
      .x((p) => x(p.sims))
      .y0(PLOT.bottom)
      .y1((p) => y(p.rate));
    return { drawn, x, y, xTicks: simsTicks(domain, drawn), line: curve(drawn), area: fill(drawn) };
  }, [points]);

  const rootClass = `scaling-chart${running ? ' scaling-chart--running' : ''}`;
  const status = running ? `${total} puzzles · running…` : `${total} puzzles`;

  if (!chart) {
    return (
      <figure className={rootClass} data-testid="scaling-chart" data-running={running}>
        <p className="scaling-chart__empty" data-testid="scaling-chart-empty">
          Run the batch to draw the curve
        </p>
        {running && (
          <figcaption className="scaling-chart__status" aria-live="polite">
            {status}
          </figcaption>
        )}
      </figure>
    );
  }

  const { drawn, x, y, xTicks } = chart;
  const last = drawn[drawn.length - 1];
  return (
    <figure className={rootClass} data-testid="scaling-chart" data-running={running}>
      <svg
        className="scaling-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>
          {`Solve rate against simulations per puzzle over ${total} puzzles` +
            (last ? `: ${percent(last.rate)} at ${simulations(last.sims)}` : '')}
        </title>

        <g className="scaling-chart__grid" aria-hidden="true">
          {RATE_TICKS.map((t) => (
            <line key={`y${t}`} x1={PLOT.left} x2={PLOT.right} y1={y(t)} y2={y(t)} />
          ))}
          {xTicks.map((t) => (
            <line key={`x${t}`} x1={x(t)} x2={x(t)} y1={PLOT.top} y2={PLOT.bottom} />
          ))}
        </g>

        <g className="scaling-chart__axis scaling-chart__axis--x" aria-hidden="true">
          <line
            className="scaling-chart__domain"
            x1={PLOT.left}
            x2={PLOT.right}
            y1={PLOT.bottom}
            y2={PLOT.bottom}
          />
          {xTicks.map((t) => (
            <g key={t} transform={`translate(${x(t)},${PLOT.bottom})`}>
              <line className="scaling-chart__tick" y2={5} />
              <text
                className="scaling-chart__tick-label"
                y={9}
                dominantBaseline="hanging"
                textAnchor="middle"
              >
                {t}
              </text>
            </g>
          ))}
          <text
            className="scaling-chart__axis-label"
            x={(PLOT.left + PLOT.right) / 2}
            y={HEIGHT - 8}
            textAnchor="middle"
          >
            simulations per puzzle (log scale)
          </text>
        </g>

        <g className="scaling-chart__axis scaling-chart__axis--y" aria-hidden="true">
          <line
            className="scaling-chart__domain"
            x1={PLOT.left}
            x2={PLOT.left}
            y1={PLOT.top}
            y2={PLOT.bottom}
          />
          {RATE_TICKS.map((t) => (
            <g key={t} transform={`translate(${PLOT.left},${y(t)})`}>
              <line className="scaling-chart__tick" x2={-5} />
              <text className="scaling-chart__tick-label" x={-9} dominantBaseline="central" textAnchor="end">
                {percent(t)}
              </text>
            </g>
          ))}
          <text
            className="scaling-chart__axis-label"
            transform={`translate(14,${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            solve rate
          </text>
        </g>

        {chart.area && <path className="scaling-chart__area" d={chart.area} />}
        {chart.line && <path className="scaling-chart__line" d={chart.line} />}

        <g className="scaling-chart__points">
          {drawn.map((p, i) => (
            <circle
              key={`${p.sims}-${i}`}
              className="scaling-chart__point"
              data-testid="scaling-point"
              data-sims={p.sims}
              data-rate={p.rate}
              cx={x(p.sims)}
              cy={y(p.rate)}
              r={4.5}
            >
              <title>{`${simulations(p.sims)}: ${p.solved}/${p.total} solved`}</title>
            </circle>
          ))}
        </g>
      </svg>
      <figcaption className="scaling-chart__status" aria-live="polite">
        {status}
      </figcaption>
    </figure>
  );
}
