import type { PhaseNote as PhaseNoteValue } from '../../state/phase-notes';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { useHeightRatchet } from './use-height-ratchet';
import './controls.css';

const MCTS_PHASES = ['select', 'expand', 'evaluate', 'backpropagate'] as const;

const BADGE_LABELS: Readonly<Record<PhaseNoteValue['phase'], string>> = {
  start: 'start',
  select: 'select',
  expand: 'expand',
  evaluate: 'evaluate',
  backpropagate: 'backpropagate',
  aggregate: 'aggregate',
  done: 'done',
  prune: 'prune',
  'expand-here': 'expand here',
  write: 'your step',
};

/** Before there is a search, the note says what it waits for rather than inviting a press. */
function waitingNote(s: PlaygroundState): PhaseNoteValue {
  const text =
    s.modelStatus === 'loading' || s.modelStatus === 'idle'
      ? 'Waiting for the models to load…'
      : s.modelStatus === 'confirm'
        ? 'No search: the models wait for your go-ahead to download (Download, at the top).'
        : s.modelStatus === 'error'
          ? 'No search: the models failed to load.'
          : Object.keys(s.setupErrors).length > 0
            ? 'No search: fix the setup first.'
            : 'No search yet: press Reset to start one.';
  return { phase: 'start', text, highlight: [] };
}

/** The published note is replaced, never mutated; the waiting one is compared by its text. */
const selectNote = (s: PlaygroundState) => s.search?.note ?? null;
const selectWaiting = (s: PlaygroundState) => (s.search ? null : waitingNote(s).text);
const selectIsMcts = (s: PlaygroundState) => s.search?.config.strategy === 'mcts';

/**
 * What the last phase (or hand edit) did and why, in words, with the phase as a badge. For MCTS a
 * four-step strip shows where in the simulation cycle that phase sits.
 */
export function PhaseNote() {
  const published = usePlayground(selectNote);
  const waiting = usePlayground(selectWaiting);
  const note: PhaseNoteValue = published ?? { phase: 'start', text: waiting ?? '', highlight: [] };
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
