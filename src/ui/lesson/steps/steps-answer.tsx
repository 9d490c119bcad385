import { useEffect } from 'react';
import { getNode, qValue, stepsTo, type NodeId } from '../../../core/tree';
import { answerCandidates } from '../../../state/lesson-answer';
import type { LessonStepBehaviour } from '../lesson-step';
import { fmt, useLessonView } from '../use-lesson-view';

type Rule = 'verified' | 'visits' | 'q';

const RULES: Readonly<Record<Rule, string>> = {
  verified: 'first verified solution',
  visits: 'most-visited path',
  q: 'best-Q path',
};

/** The final answer: the three candidates on the live tree, the one the engine took selected. */
function FinalAnswer() {
  const { tree, search, select, selectedId } = useLessonView();
  const chosen = search?.result?.nodeId ?? null;
  useEffect(() => {
    if (chosen) select(chosen);
  }, [chosen, select]);
  if (!tree || !search) return <p>Waiting for the search…</p>;
  const { firstVerified, mostVisited, bestQ } = answerCandidates(tree);
  const candidates: readonly { rule: Rule; nodeId: NodeId | undefined }[] = [
    { rule: 'verified', nodeId: firstVerified?.id },
    { rule: 'visits', nodeId: mostVisited.at(-1) },
    { rule: 'q', nodeId: bestQ.at(-1) },
  ];
  return (
    <>
      <p>
        When this engine&apos;s MCTS ends, it answers with the <strong>first verified solution</strong> on the
        tree (the first solved node in creation order), whatever the stop rule; only when none exists does it
        follow the <strong>most-visited</strong> child from the root down to a leaf. It never answers by{' '}
        <strong>best Q</strong>. The engine&apos;s choice is selected on the tree; the buttons show the
        others.
      </p>
      <table
        className="lesson__table"
        data-testid="lesson-answer"
        data-chosen={chosen ?? ''}
        data-first-verified={firstVerified?.id ?? ''}
      >
        <thead>
          <tr>
            <th>rule</th>
            <th>ends at</th>
            <th>N</th>
            <th>Q</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {candidates.map(({ rule, nodeId }) => {
            const node = nodeId ? getNode(tree, nodeId) : undefined;
            return (
              <tr key={rule} data-testid="lesson-answer-row" data-rule={rule} data-node-id={nodeId ?? ''}>
                <td>
                  {RULES[rule]}
                  {nodeId !== undefined && nodeId === chosen ? ' ✓ engine' : ''}
                </td>
                <td>
                  {node ? (
                    <code title={stepsTo(tree, node.id).join(' → ')}>
                      {node.text || 'root'} ({node.status})
                    </code>
                  ) : (
                    'none on the tree'
                  )}
                </td>
                <td>{node?.visits ?? '—'}</td>
                <td>{node ? fmt(qValue(node)) : '—'}</td>
                <td>
                  {node && (
                    <button
                      type="button"
                      aria-pressed={selectedId === node.id}
                      onClick={() => select(node.id)}
                    >
                      show
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="lesson__table">
        <tbody>
          <tr>
            <th>MCTS (here)</th>
            <td>first verified, else the end of the most-visited path</td>
          </tr>
          <tr>
            <th>beam (here)</th>
            <td>first verified, else the deepest node with the highest value v</td>
          </tr>
          <tr>
            <th>best-of-N (here)</th>
            <td>first verified, else the majority answer of the chains</td>
          </tr>
          <tr>
            <th>AlphaZero</th>
            <td>the most-visited move at the root (no verifier inside a game)</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

export const ANSWER_BEHAVIOUR = {
  answer: {
    Body: FinalAnswer,
  },
} satisfies Record<string, LessonStepBehaviour>;
