import { useMemo } from 'react';
import { usePlayground } from '../../store-context';
import type { LessonStepBehaviour } from '../lesson-step';
import { fmt, useLessonView } from '../use-lesson-view';
import { LEARN_RUN } from './learn-run';
import { learningTargets } from './learning-targets';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function LearnTargets() {
  const { search } = useLessonView();
  const exportSession = usePlayground((s) => s.exportSession);
  // Recomputed once per published search (after every phase), from the whole event log.
  const targets = useMemo(() => {
    const file = search ? exportSession() : null;
    return file ? learningTargets(file) : null;
  }, [search, exportSession]);
  if (!targets || targets.rows.length === 0)
    return <p>Run the search first: the targets come from its tree.</p>;
  const shown = targets.rows.slice(0, 6);
  return (
    <>
      <p>
        What this tree would teach (the Learn view trains on exactly this, in{' '}
        <code>src/learn/examples.ts</code>). The policy is trained towards <strong>π</strong>, the share of
        simulations that went through each step; the value towards the root&apos;s <strong>outcome</strong> (
        {targets.outcome ?? '—'}: a verified solution below?) or its <strong>Q</strong> (
        {fmt(targets.q ?? undefined)}).
      </p>
      <table className="lesson__table" data-testid="lesson-learn-targets">
        <thead>
          <tr>
            <th>step</th>
            <th>prior P</th>
            <th>target π</th>
            <th>Q</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} data-share={r.share}>
              <td>
                <code>{r.text}</code>
              </td>
              <td>{fmt(r.prior)}</td>
              <td>{pct(r.share)}</td>
              <td>{fmt(r.q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {targets.unsearched} of {targets.rows.length} sampled first steps got no simulation: they teach the
        policy nothing. Unlike AlphaZero&apos;s N, this engine&apos;s N also counts each child&apos;s
        evaluation at creation, so π is counted from the simulations instead. {targets.examples} training
        sequences in all.
      </p>
    </>
  );
}

function LearnClimb() {
  const { config, generations } = LEARN_RUN;
  return (
    <>
      <p>
        <code>npm run learn</code> from the policy as first shipped (before its 5-number fine-tune), with no
        value model: {config.rounds} rounds of {config.puzzlesPerRound} self-play puzzles, MCTS with{' '}
        {config.simulations} simulations, measured on the 100 held-out puzzles of{' '}
        <code>benchmarks/countdown-100.jsonl</code>.
      </p>
      <table className="lesson__table" data-testid="lesson-learn-climb">
        <thead>
          <tr>
            <th>generation</th>
            <th>MCTS@{config.simulations}</th>
            <th>greedy chain</th>
            <th>policy loss (held out)</th>
            <th>value loss (held out)</th>
          </tr>
        </thead>
        <tbody>
          {generations.map((g) => (
            <tr key={g.round}>
              <td>{g.round === 0 ? '0 (before)' : g.round}</td>
              <td>{pct(g.mcts.rate)}</td>
              <td>{pct(g.chain.rate)}</td>
              <td>{fmt(g.policyLoss ?? undefined, 3)}</td>
              <td>{fmt(g.valueLoss ?? undefined, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="?learn=1" target="_blank" rel="noreferrer">
          Open the Learn view
        </a>{' '}
        to run a round in this tab and watch the training and held-out curves as they are drawn. Why this run
        fell, and what is being tried next: <code>docs/learning.md</code>.
      </p>
    </>
  );
}

export const LEARNING_BEHAVIOUR = {
  'learn-targets': { Body: LearnTargets },
  'learn-climb': { Body: LearnClimb },
} satisfies Record<string, LessonStepBehaviour>;
