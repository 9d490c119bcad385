import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useShallow } from 'zustand/react/shallow';
import { chartFrame } from './chart-frame';
import { budgetsOf, generationLines, percent } from './generation-series';
import { useLearn } from './learn-context';
import { useElementWidth } from './use-element-width';

const RATES = [0, 0.25, 0.5, 0.75, 1];

/**
 * Solve rate on the held-out puzzles against MCTS simulations (log2), one line per generation,
 * with each generation's greedy chain as a diamond in a column of its own: the before and after
 * of learning from search.
 */
export function GenerationsChart({ large }: { readonly large: boolean }) {
  const { generations, measure, simulations } = useLearn(
    useShallow((s) => ({
      generations: s.generations,
      measure: s.settings.measureSimulations,
      simulations: s.settings.simulations,
    })),
  );
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const lines = generationLines(generations);
  const budgets = budgetsOf(lines, measure.length > 0 ? measure : [simulations]);
  const f = chartFrame(width, large, 0.5);
  const chainX = f.left + f.font * 2.2;
  const [lo = 1, hi = lo] = [budgets[0], budgets[budgets.length - 1]];
  const [xFrom, xTo] = [chainX + f.font * 3, f.right - f.font];
  const x = scaleLog()
    .base(2)
    .domain(lo === hi ? [lo / 2, hi * 2] : [lo, hi])
    .range([xFrom, xTo]);
  const y = scaleLinear().domain([0, 1]).range([f.bottom, f.top]);
  const path = line<{ simulations: number; rate: number }>()
    .x((p) => x(p.simulations))
    .y((p) => y(p.rate));
  const diamond = f.font * 0.45;
  // Older generations are drawn under newer ones and wider (up to 4 steps), so that equal rates
  // still show both.
  const under = (i: number) => Math.min(4, lines.length - 1 - i);
  const [width0, radius0] = large ? [4, 6] : [3, 4.5];
  return (
    <figure className="learn-chart" data-testid="generations-chart">
      <figcaption className="learn-chart__title">Solved on held-out puzzles, per generation</figcaption>
      <div ref={ref} className="learn-chart__plot">
        {width > 0 && (
          <svg width={f.width} height={f.height} role="img" aria-label="Solve rate against MCTS simulations">
            <g fontSize={f.font} fill="currentColor">
              {RATES.map((r) => (
                <g key={r}>
                  <line className="learn-chart__grid" x1={f.left} x2={f.right} y1={y(r)} y2={y(r)} />
                  <text x={f.left - 6} y={y(r)} dy="0.35em" textAnchor="end">
                    {percent(r)}
                  </text>
                </g>
              ))}
              {budgets.map((b) => (
                <text key={b} x={x(b)} y={f.bottom + f.font * 1.3} textAnchor="middle">
                  {b}
                </text>
              ))}
              <text x={chainX} y={f.bottom + f.font * 1.3} textAnchor="middle">
                chain
              </text>
              <text x={(xFrom + xTo) / 2} y={f.height - f.font * 0.4} textAnchor="middle">
                MCTS simulations (log scale)
              </text>
              <text
                transform={`translate(${f.font * 1.1},${(f.top + f.bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
              >
                solved
              </text>
            </g>
            {lines.map((l, i) => {
              // Chain markers side by side, so that equal rates stay apart.
              const spread = Math.min(diamond * 1.8, (f.font * 3) / Math.max(1, lines.length - 1));
              const cx = chainX + (i - (lines.length - 1) / 2) * spread;
              const cy = y(l.chain);
              return (
                <g
                  key={l.id}
                  data-testid="generation-line"
                  data-label={l.label}
                  stroke={l.colour}
                  fill={l.colour}
                >
                  <path d={path(l.points) ?? ''} fill="none" strokeWidth={width0 + under(i) * 3} />
                  {l.points.map((p) => (
                    <circle
                      key={p.simulations}
                      cx={x(p.simulations)}
                      cy={y(p.rate)}
                      r={radius0 + under(i) * 1.5}
                    />
                  ))}
                  <path
                    data-testid="generation-chain"
                    d={`M${cx},${cy - diamond}L${cx + diamond},${cy}L${cx},${cy + diamond}L${cx - diamond},${cy}Z`}
                    strokeWidth={1}
                  />
                </g>
              );
            })}
          </svg>
        )}
      </div>
      {lines.length === 0 ? (
        <p className="learn-note">
          Generation 0, the models before any training, is measured when a run starts.
        </p>
      ) : (
        <ul className="learn-legend" data-testid="generations-legend">
          {lines.map((l) => (
            <li key={l.id}>
              <span className="learn-legend__swatch" style={{ background: l.colour }} aria-hidden="true" />
              {l.label}
            </li>
          ))}
          <li className="learn-legend__key">lines: MCTS · ◆: greedy chain</li>
        </ul>
      )}
    </figure>
  );
}
