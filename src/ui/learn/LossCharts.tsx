import type { LearnState } from '../../state/learn/learn-types';
import { useLearn } from './learn-context';
import { HELD_OUT_COLOUR, LossChart, TRAIN_COLOUR } from './LossChart';
import { lossSeries } from './loss-series';

/** Why a curve is missing, when one is: a tiny run may have nothing to train on or hold out. */
function lossNote(losses: LearnState['losses']): string | null {
  if (losses.length === 0) return 'No training yet in this run.';
  if (!losses.some((p) => p.train !== undefined))
    return 'No training batches in this run: its examples were too few, or all held out. More puzzles per round give curves.';
  if (!losses.some((p) => p.heldOut !== undefined))
    return "No held-out curve: one puzzle in ten is held out (by a hash of the puzzle), and this run's buffer has none yet.";
  return null;
}

/** Both models' loss curves of the current run, drawn as the points arrive, and how to read them. */
export function LossCharts({ large }: { readonly large: boolean }) {
  const losses = useLearn((s) => s.losses);
  const target = useLearn((s) => s.settings.valueTarget);
  const note = lossNote(losses);
  return (
    <section className="learn-panel learn-losses" aria-labelledby="learn-losses-title">
      <h2 id="learn-losses-title">Training loss, this run</h2>
      <div className="learn-losses__charts">
        <LossChart
          model="policy"
          title="Policy: cross-entropy against the visit distribution"
          series={lossSeries(losses, 'policy')}
          large={large}
        />
        <LossChart
          model="value"
          title={`Value: cross-entropy against the ${target === 'outcome' ? 'outcome (0 or 1)' : 'backed-up Q'}`}
          series={lossSeries(losses, 'value')}
          large={large}
        />
      </div>
      <ul className="learn-legend">
        <li>
          <span className="learn-legend__swatch" style={{ background: TRAIN_COLOUR }} aria-hidden="true" />
          training (per point)
        </li>
        <li>
          <span
            className="learn-legend__swatch learn-legend__swatch--dashed"
            style={{ borderColor: HELD_OUT_COLOUR }}
            aria-hidden="true"
          />
          held-out (start and each epoch)
        </li>
        <li className="learn-legend__key">R1, R2…: rounds</li>
      </ul>
      <p className="learn-note">
        A held-out curve that goes up while the training curve goes down is overfitting: the model is learning
        these searches by heart rather than what makes a step good.
      </p>
      {note && (
        <p className="learn-note" data-testid="learn-loss-note">
          {note}
        </p>
      )}
    </section>
  );
}
