import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { ActionButton } from './ActionButton';
import { actionById, nextPhaseLabel, plainLabel, type ActionId } from './actions';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import './controls.css';

const SPEEDS: readonly { readonly label: string; readonly ms: number }[] = [
  { label: 'max', ms: 0 },
  { label: 'fast', ms: 60 },
  { label: 'normal', ms: 250 },
  { label: 'slow', ms: 800 },
];

/** The pauses in the tooltip: the options stay one word each, so the select is narrow. */
const SPEED_TITLE = `Pause between phases while running: ${SPEEDS.map((s) => `${s.label} ${s.ms} ms`).join(', ')}`;

const selectSpeedMs = (s: PlaygroundState) => s.speedMs;
const selectSetSpeed = (s: PlaygroundState) => s.setSpeed;

/**
 * An edit's icon, and its name: the name folds away (still read out) where the canvas column is
 * narrow, so the toolbar stays on one row (controls.css).
 */
function IconLabel({ id }: { readonly id: ActionId }) {
  const action = actionById(id);
  const name = plainLabel(action);
  const icon = action.label.slice(0, action.label.length - name.length).trim();
  return (
    <>
      {icon}
      <span className="controls__label"> {name}</span>
    </>
  );
}

/**
 * The search's transport bar: run, pause, step by simulation or by phase, reset, the hand edits
 * (prune, expand, backtrack) and the speed. It also owns the keyboard shortcuts, so they are live
 * exactly while the controls are on the page. Every button is a registered action (actions.ts).
 */
export function Controls() {
  const keyNotice = useKeyboardShortcuts();
  const phaseLabel = usePlayground(nextPhaseLabel);
  const speedMs = usePlayground(selectSpeedMs);
  const setSpeed = usePlayground(selectSetSpeed);
  const custom = SPEEDS.some((s) => s.ms === speedMs) ? null : speedMs;

  return (
    <div className="controls" data-testid="controls" role="toolbar" aria-label="Search controls">
      <div className="controls__group">
        <ActionButton id="run" testId="btn-run" className="controls__button controls__button--primary" />
        <ActionButton id="pause" testId="btn-pause" />
        <ActionButton id="step" testId="btn-step" />
        <ActionButton id="stepPhase" testId="btn-step-phase">
          Step phase{phaseLabel && <span className="controls__next-phase"> → {phaseLabel}</span>}
        </ActionButton>
        <ActionButton id="reset" testId="btn-reset" />
      </div>
      <div className="controls__group">
        <ActionButton id="prune" testId="btn-prune">
          <IconLabel id="prune" />
        </ActionButton>
        <ActionButton id="expand" testId="btn-expand">
          <IconLabel id="expand" />
        </ActionButton>
        <ActionButton id="backtrack" testId="btn-backtrack">
          <IconLabel id="backtrack" />
        </ActionButton>
      </div>
      <label className="controls__speed" title={SPEED_TITLE}>
        Speed
        <select data-testid="speed" value={speedMs} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s.ms} value={s.ms}>
              {s.label}
            </option>
          ))}
          {custom !== null && <option value={custom}>{custom} ms</option>}
        </select>
      </label>
      <ShortcutsHelp />
      {keyNotice !== null && (
        <p className="controls__key-notice" data-testid="key-notice" role="status">
          {keyNotice}
        </p>
      )}
    </div>
  );
}
