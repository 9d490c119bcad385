import { bestChild, selectionScore, type ScoreRule } from '../../core/strategies/selection';
import type { StrategyName } from '../../core/strategies/strategy';
import { getNode, liveChildren, type NodeId, type ReasoningTree } from '../../core/tree';
import { stepLabel } from '../tree/node-label';

export interface ScoreTableProps {
  /** The published tree: the caller re-renders this whenever a new one is published. */
  readonly tree: ReasoningTree;
  readonly parentId: NodeId;
  /** The inspected node, highlighted among its siblings. */
  readonly nodeId: NodeId;
  /** PUCT or UCT, or x1's formula when MCTS runs x1's variant. */
  readonly selection: ScoreRule;
  readonly c: number;
  readonly strategy: StrategyName;
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : x > 0 ? '∞' : '−∞');

/**
 * The selection score of a node and its siblings, term by term (compact, so that it fits a side
 * panel: each step by its short label, e.g. its equation, the node id and whole text in the
 * tooltip; the step column gives up its width first), computed by the engine's own
 * selectionScore and bestChild, so the row marked "picks" is the child MCTS would descend into
 * from this parent now. Pruned children are listed but never scored: selection skips them.
 */
export function ScoreTable({ tree, parentId, nodeId, selection, c, strategy }: ScoreTableProps) {
  const parent = getNode(tree, parentId);
  const children = parent.childIds.map((id) => getNode(tree, id));
  const picked = bestChild(selection, parent, liveChildren(tree, parent), c);
  const n = parent.visits;
  const formula = {
    puct: `U = c·P·√N(parent) / (1 + N) = ${c}·P·√${n} / (1 + N)`,
    uct: `U = c·√(ln N(parent) / N) = ${c}·√(ln ${n} / N)`,
    x1: `U = √(N(parent) − 1) / (1 + N) · (1.25 + ln((N(parent) + 19652) / 19652)), N(parent) = ${n}`,
  }[selection];

  return (
    <div className="inspector__scores">
      <div className="inspector__scores-caption">
        {selection.toUpperCase()} score = Q + U, with {formula}
        {strategy !== 'mcts' && strategy !== 'gumbel' && (
          <span className="inspector__muted"> (only MCTS selects by this score; shown for comparison)</span>
        )}
      </div>
      <table className="inspector__table" data-testid="score-table">
        <thead>
          <tr>
            <th
              scope="col"
              className="inspector__step-head"
              title="the step (its node id and whole text in the tooltip)"
            >
              step
            </th>
            <th scope="col" title="prior P(s,a), normalized over the siblings">
              P
            </th>
            <th scope="col" title="visits">
              N
            </th>
            <th scope="col" title="W / N">
              Q
            </th>
            <th scope="col" title="exploration term">
              U
            </th>
            <th scope="col" title="the score selection maximizes">
              Q+U
            </th>
            <th scope="col" className="inspector__pick-head">
              <span className="inspector__sr-only">selection</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {children.map((child) => {
            const own = child.id === nodeId;
            const picks = child === picked;
            const className = [
              'inspector__row',
              own && 'inspector__row--own',
              picks && 'inspector__row--picked',
            ]
              .filter(Boolean)
              .join(' ');
            const terms = child.pruned ? null : selectionScore(selection, parent, child, c);
            return (
              <tr
                key={child.id}
                className={className}
                data-testid={`score-row-${child.id}`}
                data-own={own || undefined}
                data-picked={picks || undefined}
                aria-current={own || undefined}
              >
                <td className="inspector__step" title={`${child.id}: ${child.reason ?? child.text}`}>
                  {stepLabel(child.text).lines[0] ?? '(empty)'}
                </td>
                <td>{child.prior.toFixed(3)}</td>
                <td>{child.visits}</td>
                {terms ? (
                  <>
                    <td>{fmt(terms.q)}</td>
                    <td>{fmt(terms.exploration)}</td>
                    <td className="inspector__total">{fmt(terms.score)}</td>
                  </>
                ) : (
                  <td colSpan={3} className="inspector__muted">
                    pruned, not selectable
                  </td>
                )}
                <td className="inspector__pick">
                  {picks && (
                    <span title="selection picks this child">
                      ◀<span className="inspector__sr-only"> picks</span>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
