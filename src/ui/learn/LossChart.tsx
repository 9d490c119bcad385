import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { chartFrame } from './chart-frame';
import type { LossSeries, XY } from './loss-series';
import { useElementWidth } from './use-element-width';

export const TRAIN_COLOUR = '#4aa8ff';
export const HELD_OUT_COLOUR = '#f5b83d';

export interface LossChartProps {
  readonly model: 'policy' | 'value';
  readonly title: string;
  readonly series: LossSeries;
  readonly large: boolean;
}

/**
 * One model's loss while it trains: the training loss per point (solid) and the held-out loss at
 * the start and after each epoch (dashed, with dots), each round after the one before.
 */
export function LossChart({ model, title, series, large }: LossChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const f = chartFrame(width, large, 0.55);
  const x = scaleLinear().domain([0, series.xMax]).range([f.left, f.right]);
  const y = scaleLinear()
    .domain([0, series.yMax * 1.05])
    .range([f.bottom, f.top])
    .nice(4);
  const path = line<XY>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const yLabel = y.tickFormat(4);
  const dot = large ? 5 : 3.5;
  return (
    <figure className="learn-chart" data-testid="loss-chart" data-model={model}>
      <figcaption className="learn-chart__title">{title}</figcaption>
      <div ref={ref} className="learn-chart__plot">
        {width > 0 && (
          <svg width={f.width} height={f.height} role="img" aria-label={`${title}: loss against batches`}>
            <g fontSize={f.font} fill="currentColor">
              {y.ticks(4).map((t) => (
                <g key={t}>
                  <line className="learn-chart__grid" x1={f.left} x2={f.right} y1={y(t)} y2={y(t)} />
                  <text x={f.left - 6} y={y(t)} dy="0.35em" textAnchor="end">
                    {yLabel(t)}
                  </text>
                </g>
              ))}
              {x.ticks(Math.max(2, Math.floor(width / (f.font * 6)))).map((t) => (
                <text key={t} x={x(t)} y={f.bottom + f.font * 1.3} textAnchor="middle">
                  {t}
                </text>
              ))}
              <text x={(f.left + f.right) / 2} y={f.height - f.font * 0.4} textAnchor="middle">
                batches
              </text>
              <text
                transform={`translate(${f.font * 1.1},${(f.top + f.bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
              >
                loss
              </text>
            </g>
            {series.rounds.map((r, i) => (
              <g key={r.round} data-testid="loss-round" data-round={r.round}>
                {i > 0 && (
                  <line
                    className="learn-chart__divider"
                    x1={x(r.offset)}
                    x2={x(r.offset)}
                    y1={f.top}
                    y2={f.bottom}
                  />
                )}
                <text x={x(r.offset) + 4} y={f.top - f.font * 0.4} fontSize={f.font} fill="currentColor">
                  {`R${r.round}`}
                </text>
                <path
                  data-testid="loss-train-line"
                  d={path(r.train) ?? ''}
                  fill="none"
                  stroke={TRAIN_COLOUR}
                  strokeWidth={large ? 3 : 2}
                />
                {/* A round of one or two points draws too short a line to see: its points are dots. */}
                {r.train.length <= 2 &&
                  r.train.map((p) => (
                    <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={dot} fill={TRAIN_COLOUR} />
                  ))}
                <g data-testid="loss-heldout-line" stroke={HELD_OUT_COLOUR} fill={HELD_OUT_COLOUR}>
                  <path
                    d={path(r.heldOut) ?? ''}
                    fill="none"
                    strokeWidth={large ? 3 : 2}
                    strokeDasharray="6 4"
                  />
                  {r.heldOut.map((p) => (
                    <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={dot} />
                  ))}
                </g>
              </g>
            ))}
          </svg>
        )}
      </div>
      {series.rounds.length > 0 && !series.rounds.some((r) => r.heldOut.length > 0) && (
        <p className="learn-note" data-testid="loss-no-heldout">
          No held-out examples for this model in this run.
        </p>
      )}
    </figure>
  );
}
