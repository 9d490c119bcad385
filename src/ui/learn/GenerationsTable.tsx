import { useLearn } from './learn-context';
import { generationLines, percent } from './generation-series';

const loss = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(3));

/** Each generation's figures in one row: the numbers behind the chart, for the closing note. */
export function GenerationsTable() {
  const generations = useLearn((s) => s.generations);
  if (generations.length === 0) return null;
  const lines = generationLines(generations);
  return (
    <div className="learn-table-wrap">
      <table className="learn-table" data-testid="generations-table">
        <thead>
          <tr>
            <th scope="col">Generation</th>
            <th scope="col">MCTS</th>
            <th scope="col">Chain</th>
            <th scope="col">Policy loss</th>
            <th scope="col">Value loss</th>
            <th scope="col">Examples</th>
            <th scope="col">Seconds</th>
          </tr>
        </thead>
        <tbody>
          {generations.map((g, i) => (
            <tr key={g.id} data-testid="generation-row">
              <th scope="row">
                <span
                  className="learn-legend__swatch"
                  style={{ background: lines[i]?.colour }}
                  aria-hidden="true"
                />
                {lines[i]?.label}
              </th>
              <td title={`${g.mcts.solved} of ${g.mcts.total} at ${g.settings.simulations} simulations`}>
                {percent(g.mcts.rate)}{' '}
                <span className="learn-table__sub">
                  ({g.mcts.solved}/{g.mcts.total})
                </span>
              </td>
              <td>{percent(g.chain.rate)}</td>
              <td>{loss(g.policyLoss)}</td>
              <td>{loss(g.valueLoss)}</td>
              <td>{g.examples}</td>
              <td>{Math.round(g.seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="learn-note">
        MCTS: solved at the run&apos;s simulation budget; losses: held-out, after the round&apos;s training.
      </p>
    </div>
  );
}
