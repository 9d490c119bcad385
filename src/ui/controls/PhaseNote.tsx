import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { useHeightRatchet } from './useHeightRatchet';
import './controls.css';

const MCTS_PHASES = ['select', 'expand', 'evaluate', 'backpropagate'] as const;

const BADGE_LABELS: Readonly<Record<PlaygroundState['note']['phase'], string>> = {
  start: 'start',
  select: 'select',
  expand: 'expand',
  evaluate: 'evaluate',
  backpropagate: 'backpropagate',
  aggregate: 'aggregate',
  done: 'done',
  prune: 'prune',
  'expand-here': 'expand here',
};

const selectNote = (s: PlaygroundState) => s.note;
const selectIsMcts = (s: PlaygroundState) => s.runner?.config.strategy === 'mcts';

/**
 * What the last phase (or hand edit) did and why, in words, with the phase as a badge. For MCTS a
 * four-step strip shows where in the simulation cycle that phase sits.
 */
export function PhaseNote() {
  // The note is replaced, never mutated, so selecting it re-renders exactly when it changes.
  const note = usePlayground(selectNote);
  const isMcts = usePlayground(selectIsMcts);
  const textRef = useHeightRatchet<HTMLParagraphElement>();
  return (
    <div className="phase-note" data-testid="phase-note" aria-live="polite">
      <span className="phase-note__badge" data-phase={note.phase}>
        {BADGE_LABELS[note.phase]}
      </span>
      {isMcts && (
        <ol className="phase-note__cycle" aria-label="MCTS phases">
          {MCTS_PHASES.map((phase) => (
            <li
              key={phase}
              className="phase-note__step"
              data-phase={phase}
              data-active={phase === note.phase || undefined}
              aria-current={phase === note.phase ? 'step' : undefined}
            >
              {phase}
            </li>
          ))}
        </ol>
      )}
      <p className="phase-note__text" ref={textRef}>
        {note.text}
      </p>
    </div>
  );
}
