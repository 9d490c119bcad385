import { qValue, type TreeNode } from '../../core/tree';
import { count } from '../../state/plural';
import { selectDisplayedTree } from '../../state/selectors';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { ReasoningPath } from './ReasoningPath';
import { ScoreTable } from './ScoreTable';
import { WriteStepForm } from './WriteStepForm';
import '../panels/panels.css';

const selectSelectedId = (s: PlaygroundState) => s.selectedId;
const selectSearch = (s: PlaygroundState) => s.search;

const fmt = (x: number | undefined, digits = 3) => (x === undefined ? '—' : x.toFixed(digits));
/** A step's probability: four decimals, or a power of ten where those would read 0.0000. */
const probability = (logProb: number) => {
  const p = Math.exp(logProb);
  return p >= 1e-4 || p === 0 ? p.toFixed(4) : p.toExponential(1);
};

function statusLabel(node: TreeNode): string {
  const proven = node.proven ? `, proven ${node.proven}` : '';
  return node.pruned ? `${node.status}${proven}, pruned` : `${node.status}${proven}`;
}

/**
 * Everything the search knows about the selected node: the reasoning that leads to it, the
 * policy's probability for its step, its statistics, and why selection would (or would not) pick
 * it over its siblings. `keys`: show the shortcuts that act on the node (the compare view has none).
 */
export function NodeInspector({ keys = true }: { readonly keys?: boolean } = {}) {
  const selectedId = usePlayground(selectSelectedId);
  // A new snapshot per change: selecting it re-renders this whenever the search moved.
  const search = usePlayground(selectSearch);
  const tree = usePlayground(selectDisplayedTree);
  const node = tree && selectedId !== null ? tree.nodes[selectedId] : undefined;

  if (!tree || !search || !node) {
    return (
      <section className="inspector" data-testid="node-inspector">
        <p className="inspector__empty">
          {selectedId !== null && tree
            ? `Node ${selectedId} does not exist at this point of the timeline.`
            : 'Click a node to inspect it'}
        </p>
      </section>
    );
  }

  const { config, setup } = search;
  const expected = setup.task === 'math' ? setup.problem.answer?.toString() : String(setup.problem.target);
  const ownMean = node.ownVisits > 0 ? node.ownValueSum / node.ownVisits : undefined;
  const isRoot = node.parentId === null;

  return (
    <section className="inspector" data-testid="node-inspector" aria-label={`Node ${node.id}`}>
      <h2 className="inspector__title">
        Node {node.id}
        <span className={`inspector__status inspector__status--${node.pruned ? 'pruned' : node.status}`}>
          {statusLabel(node)}
        </span>
        <span className="inspector__muted">depth {node.depth}</span>
      </h2>

      <ReasoningPath tree={tree} nodeId={node.id} prompt={search.prompt} expected={expected} />

      {node.refines !== undefined && (
        <p className="inspector__refine" data-testid="inspector-refine">
          Rewrite of {node.refines}: the policy read that step followed by “{node.critique}” and wrote this
          instead.
        </p>
      )}

      {node.written && (
        <p className="inspector__refine" data-testid="inspector-written">
          Written by hand: the policy scored this text (no sample drew it); the verifier and the value judged
          it as they judge the policy&rsquo;s steps.
        </p>
      )}

      <dl className="inspector__stats" data-testid="inspector-stats">
        {!isRoot && (
          <>
            <dt title="exp(log-probability of the step's tokens)">step probability</dt>
            <dd>
              {probability(node.logProb)}
              <span className="inspector__muted">
                {' '}
                log p {node.logProb.toFixed(2)} · {count(node.tokens, 'token')} ·{' '}
                {count(node.samples, 'sample')}
              </span>
            </dd>
            <dt title="the step probability normalized over the siblings at expansion">prior P(s,a)</dt>
            <dd>{fmt(node.prior)}</dd>
          </>
        )}
        <dt title="the latest evaluation: value model, or the verifier's reward on terminals">value</dt>
        <dd>{fmt(node.value)}</dd>
        <dt title="visits: own evaluations plus the children's visits">N</dt>
        <dd>{node.visits}</dd>
        <dt title="value sum">W</dt>
        <dd>{fmt(node.valueSum)}</dd>
        <dt>Q = W / N</dt>
        <dd>{node.visits > 0 ? fmt(qValue(node)) : '—'}</dd>
        <dt title="evaluations of this node itself (the part of N not from children)">own evaluations</dt>
        <dd>
          {node.ownVisits}
          {ownMean !== undefined && <span className="inspector__muted"> (mean {fmt(ownMean)})</span>}
        </dd>
      </dl>

      {node.parentId !== null ? (
        <ScoreTable
          tree={tree}
          parentId={node.parentId}
          nodeId={node.id}
          selection={config.variant === 'x1' ? 'x1' : config.selection}
          c={config.c}
          strategy={config.strategy}
        />
      ) : (
        <p className="inspector__muted">The root has no siblings: selection starts here.</p>
      )}

      {keys && <WriteStepForm key={node.id} node={node} />}

      {keys && (
        <p className="inspector__hints">
          <kbd>P</kbd> prune · <kbd>E</kbd> expand here
        </p>
      )}
    </section>
  );
}
