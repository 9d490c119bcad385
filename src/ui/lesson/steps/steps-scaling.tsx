import { useState } from 'react';
import { scalingBatch, type BatchPuzzle } from '../../../state/lesson-batches';
import { DEFAULT_BUDGETS, solveRateCurve, type PuzzleOutcome } from '../../../state/scaling-curve';
import { usePlayground, usePlaygroundStore } from '../../store-context';
import type { LessonStepBehaviour } from '../lesson-step';
import { ScalingChart } from '../ScalingChart';

/**
 * The first twelve puzzles (ranks 901-912) of Tree of Thoughts' Game of 24 test set
 * (shared/benchmarks/game24): evaluated here, never trained on. Not picked for how they turn out.
 */
const BATCH: readonly BatchPuzzle[] = [
  [4, 5, 6, 10],
  [1, 2, 4, 7],
  [2, 5, 8, 11],
  [3, 4, 4, 13],
  [6, 7, 8, 9],
  [1, 11, 11, 13],
  [1, 8, 10, 11],
  [2, 3, 6, 9],
  [1, 3, 5, 9],
  [3, 3, 7, 12],
  [4, 5, 7, 9],
  [1, 2, 8, 13],
].map((numbers) => ({ numbers, target: 24 }));

const BUDGET = DEFAULT_BUDGETS.at(-1) ?? 64;

type Batch = {
  readonly state: 'idle' | 'running' | 'done';
  readonly outcomes: readonly PuzzleOutcome[];
  readonly error?: string;
};

function Scaling() {
  const store = usePlaygroundStore();
  const setup = usePlayground((s) => s.setup);
  const [batch, setBatch] = useState<Batch>({ state: 'idle', outcomes: [] });
  const points = batch.outcomes.length > 0 ? solveRateCurve(batch.outcomes, DEFAULT_BUDGETS) : [];
  const tokens = batch.outcomes.reduce((sum, o) => sum + o.generatedTokens, 0);

  const start = async () => {
    const models = store.getState().sessionModels();
    if (!models) return setBatch({ state: 'done', outcomes: [], error: 'the models are not loaded' });
    setBatch({ state: 'running', outcomes: [] });
    try {
      await scalingBatch(setup, models, BATCH, BUDGET, (o) =>
        setBatch((b) => ({ ...b, outcomes: [...b.outcomes, o] })),
      );
      setBatch((b) => ({ ...b, state: 'done' }));
    } catch (e) {
      setBatch((b) => ({ ...b, state: 'done', error: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <>
      <p>
        <strong>Test-time compute</strong>: the same models solve more when the search may spend more. This
        runs MCTS on {BATCH.length} Game of 24 puzzles (Tree of Thoughts&apos; test set, ranks 901–912) in
        this page, up to {BUDGET} simulations each, and plots the share solved within each budget.
      </p>
      <button
        type="button"
        data-testid="btn-lesson-scaling"
        disabled={batch.state === 'running'}
        onClick={() => void start()}
      >
        {batch.state === 'running'
          ? `Running puzzle ${batch.outcomes.length + 1} / ${BATCH.length}…`
          : 'Run the batch'}
      </button>
      {batch.error && <p className="lesson__error">{batch.error}</p>}
      <div data-testid="lesson-scaling" data-state={batch.state} data-done={batch.outcomes.length}>
        <ScalingChart points={points} total={batch.outcomes.length} running={batch.state === 'running'} />
      </div>
      {batch.outcomes.length > 0 && (
        <p className="lesson__muted">
          {batch.outcomes.filter((o) => o.firstSolvedAt !== null).length} of {batch.outcomes.length} solved
          within {BUDGET} simulations; {tokens} tokens generated in all.
        </p>
      )}
    </>
  );
}

export const SCALING_BEHAVIOUR = {
  scaling: {
    Body: Scaling,
  },
} satisfies Record<string, LessonStepBehaviour>;
