import { useState } from 'react';
import { scalingBatch, TOT_BATCH } from '../../../state/lesson-batches';
import { DEFAULT_BUDGETS, solveRateCurve, type PuzzleOutcome } from '../../../state/scaling-curve';
import { usePlayground, usePlaygroundStore } from '../../store-context';
import type { LessonStepBehaviour } from '../lesson-step';
import { ScalingChart } from '../ScalingChart';

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
      await scalingBatch(setup, models, TOT_BATCH, BUDGET, (o) =>
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
        runs MCTS on {TOT_BATCH.length} Game of 24 puzzles (Tree of Thoughts&apos; test set, ranks 901–912) in
        this page, up to {BUDGET} simulations each, and plots the share solved within each budget.
      </p>
      <button
        type="button"
        data-testid="btn-lesson-scaling"
        disabled={batch.state === 'running'}
        onClick={() => void start()}
      >
        {batch.state === 'running'
          ? `Running puzzle ${batch.outcomes.length + 1} / ${TOT_BATCH.length}…`
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
