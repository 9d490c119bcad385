import { useEffect, useState } from 'react';
import { getNode, qValue, stepsTo, type NodeId, type ReasoningTree } from '../../../core/tree';
import { answerCandidates } from '../../../state/lesson-answer';
import { TOT_BATCH } from '../../../state/lesson-batches';
import { answerRulesBatch, type AnswerRulesOutcome } from '../../../state/lesson-experiments';
import { usePlayground, usePlaygroundStore } from '../../store-context';
import type { LessonStepBehaviour } from '../lesson-step';
import { fmt, useLessonView } from '../use-lesson-view';

type Rule = 'verified' | 'visits' | 'q';

const RULES: Readonly<Record<Rule, string>> = {
  verified: 'first verified solution',
  visits: 'most-visited path',
  q: 'best-Q path',
};

interface CandidatesProps {
  readonly tree: ReasoningTree;
  readonly testId: string;
  /** Shows a node on the tree (selects it). */
  readonly show: (id: NodeId) => void;
  readonly selectedId: NodeId | null;
}

/** Where each answer rule ends on `tree`, and which rule this engine's MCTS applies there. */
function Candidates({ tree, testId, show, selectedId }: CandidatesProps) {
  const { firstVerified, mostVisited, bestQ } = answerCandidates(tree);
  // mcts.ts end(): the first verified solution if there is one, else the most-visited path.
  const engineRule: Rule = firstVerified ? 'verified' : 'visits';
  const rows: readonly { rule: Rule; nodeId: NodeId | undefined }[] = [
    { rule: 'verified', nodeId: firstVerified?.id },
    { rule: 'visits', nodeId: mostVisited.at(-1) },
    { rule: 'q', nodeId: bestQ.at(-1) },
  ];
  return (
    <table className="lesson__table" data-testid={testId} data-engine-rule={engineRule}>
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
        {rows.map(({ rule, nodeId }) => {
          const node = nodeId ? getNode(tree, nodeId) : undefined;
          return (
            <tr key={rule} data-testid={`${testId}-row`} data-rule={rule} data-node-id={nodeId ?? ''}>
              <td>
                {RULES[rule]}
                {rule === engineRule && (
                  <strong title="the rule this engine's MCTS applies to this tree"> ✓ engine</strong>
                )}
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
                  <button type="button" aria-pressed={selectedId === node.id} onClick={() => show(node.id)}>
                    show
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type Batch = {
  readonly state: 'idle' | 'running' | 'done';
  readonly outcomes: readonly AnswerRulesOutcome[];
  readonly error?: string;
};

/** How many of the solved puzzles each rule answered with a verified solution, at each moment. */
function RulesTable({ batch }: { readonly batch: Batch }) {
  const solved = batch.outcomes.filter((o) => o.solvedAt !== null);
  const count = (pick: (o: AnswerRulesOutcome) => boolean) => solved.filter(pick).length;
  const rows = [
    { rule: 'verified', first: solved.length, end: solved.length },
    {
      rule: 'visits',
      first: count((o) => o.atFirstSolution?.visits === true),
      end: count((o) => o.atEnd.visits),
    },
    { rule: 'q', first: count((o) => o.atFirstSolution?.q === true), end: count((o) => o.atEnd.q) },
  ] as const;
  return (
    <table
      className="lesson__table"
      data-testid="lesson-answer-rules"
      data-state={batch.state}
      data-solved={solved.length}
    >
      <thead>
        <tr>
          <th>ends at a verified solution</th>
          <th>when first solved</th>
          <th>after the budget</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.rule}
            data-testid="lesson-answer-rules-row"
            data-rule={r.rule}
            data-first={r.first}
            data-end={r.end}
          >
            <td>{RULES[r.rule]}</td>
            <td>
              {r.first} / {solved.length}
            </td>
            <td>
              {r.end} / {solved.length}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The final answer: the three rules on the live tree, and how often each is right on a batch. */
function FinalAnswer() {
  const { tree, search, select, selectedId } = useLessonView();
  const store = usePlaygroundStore();
  const setup = usePlayground((s) => s.setup);
  const [batch, setBatch] = useState<Batch>({ state: 'idle', outcomes: [] });
  const budget = search?.config.simulations ?? 32;
  const chosen = search?.result?.nodeId ?? null;
  useEffect(() => {
    if (chosen) select(chosen);
  }, [chosen, select]);

  const start = async () => {
    const models = store.getState().sessionModels();
    if (!models) return setBatch({ state: 'done', outcomes: [], error: 'the models are not loaded' });
    setBatch({ state: 'running', outcomes: [] });
    try {
      await answerRulesBatch(setup, models, TOT_BATCH, budget, (o) =>
        setBatch((b) => ({ ...b, outcomes: [...b.outcomes, o] })),
      );
      setBatch((b) => ({ ...b, state: 'done' }));
    } catch (e) {
      setBatch((b) => ({ ...b, state: 'done', error: e instanceof Error ? e.message : String(e) }));
    }
  };

  if (!tree || !search) return <p>Waiting for the search…</p>;
  return (
    <>
      <p>
        When this engine&apos;s MCTS ends, it answers with the <strong>first verified solution</strong> (the
        first solved node in creation order), whatever the stop rule; only when there is none does it follow
        the <strong>most-visited</strong> child from the root down to a leaf. It never answers by{' '}
        <strong>best Q</strong>. Its answer is selected on the tree:
      </p>
      <div data-testid="lesson-answer" data-chosen={chosen ?? ''}>
        <Candidates tree={tree} testId="lesson-answer-now" show={select} selectedId={selectedId} />
      </div>
      <p>
        Here the rules may well agree. Would they at the moment a solution is found, on other puzzles? MCTS
        with {budget} simulations on the {TOT_BATCH.length} Tree of Thoughts puzzles, each judged when its
        first solution appears and at the end:{' '}
        <button
          type="button"
          data-testid="btn-lesson-answer-rules"
          disabled={batch.state === 'running'}
          onClick={() => void start()}
        >
          {batch.state === 'running'
            ? `Searching (${batch.outcomes.length} / ${TOT_BATCH.length})…`
            : 'Run the twelve puzzles'}
        </button>
      </p>
      {batch.error && <p className="lesson__error">{batch.error}</p>}
      {batch.outcomes.length > 0 && <RulesTable batch={batch} />}
      <table className="lesson__table">
        <tbody>
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
