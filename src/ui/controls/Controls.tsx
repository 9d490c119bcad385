import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { nextPhaseAt, selectAvailability, type ControlAction } from './availability';
import { SHORTCUTS, useKeyboardShortcuts } from './useKeyboardShortcuts';
import './controls.css';

const SPEEDS: readonly { readonly label: string; readonly ms: number }[] = [
  { label: 'max', ms: 0 },
  { label: 'fast', ms: 60 },
  { label: 'normal', ms: 250 },
  { label: 'slow', ms: 800 },
];

const MCTS_CYCLE = 'select → expand → evaluate → backpropagate';

const selectNextPhase = (s: PlaygroundState) => (s.runner ? nextPhaseAt(s.runner, s.cursor) : null);
const selectIsMcts = (s: PlaygroundState) => s.runner?.config.strategy === 'mcts';

const selectActions = (s: PlaygroundState) => ({
  run: s.run,
  pause: s.pause,
  step: s.step,
  stepPhase: s.stepPhase,
  reset: s.reset,
  prune: s.prune,
  expandHere: s.expandHere,
  backtrack: s.backtrack,
  setSpeed: s.setSpeed,
});

interface ControlButtonProps {
  readonly testId: string;
  /** null = enabled; otherwise why not, which becomes the tooltip. */
  readonly reason: string | null;
  /** The tooltip while enabled. */
  readonly hint: string;
  readonly onClick: () => void;
  readonly primary?: boolean;
  readonly children: ReactNode;
}

function ControlButton({ testId, reason, hint, onClick, primary, children }: ControlButtonProps) {
  return (
    <button
      type="button"
      className={primary ? 'controls__button controls__button--primary' : 'controls__button'}
      data-testid={testId}
      disabled={reason !== null}
      title={reason ?? hint}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * The search's transport bar: run, pause, step by simulation or by phase, reset, the hand edits
 * (prune, expand, backtrack) and the speed. It also owns the keyboard shortcuts, so they are live
 * exactly while the controls are on the page.
 */
export function Controls() {
  useKeyboardShortcuts();
  const can = usePlayground(useShallow(selectAvailability));
  const nextPhase = usePlayground(selectNextPhase);
  const isMcts = usePlayground(selectIsMcts);
  const speedMs = usePlayground((s) => s.speedMs);
  const a = usePlayground(useShallow(selectActions));

  const reason = (action: ControlAction) => can[action];
  const phaseLabel = nextPhase && nextPhase !== 'done' ? nextPhase : null;
  const phaseHint = `Run one phase${phaseLabel ? `; next: ${phaseLabel}` : ''}${isMcts ? ` (${MCTS_CYCLE})` : ''} [F or .]`;
  const custom = SPEEDS.some((s) => s.ms === speedMs) ? null : speedMs;

  return (
    <div className="controls" data-testid="controls" role="toolbar" aria-label="Search controls">
      <div className="controls__group">
        <ControlButton
          testId="btn-run"
          reason={reason('run')}
          hint="Run the search to its budget [Space]"
          onClick={() => void a.run()}
          primary
        >
          ▶ Run
        </ControlButton>
        <ControlButton testId="btn-pause" reason={reason('pause')} hint="Pause [Space]" onClick={a.pause}>
          ❚❚ Pause
        </ControlButton>
        <ControlButton
          testId="btn-step"
          reason={reason('step')}
          hint={isMcts ? 'Step: one whole simulation [S]' : 'Step: one whole iteration [S]'}
          onClick={() => void a.step()}
        >
          Step
        </ControlButton>
        <ControlButton
          testId="btn-step-phase"
          reason={reason('stepPhase')}
          hint={phaseHint}
          onClick={() => void a.stepPhase()}
        >
          Step phase{phaseLabel && <span className="controls__next-phase"> → {phaseLabel}</span>}
        </ControlButton>
        <ControlButton
          testId="btn-reset"
          reason={reason('reset')}
          hint="Start the search again from the root [R]"
          onClick={a.reset}
        >
          ⟲ Reset
        </ControlButton>
      </div>
      <div className="controls__group">
        <ControlButton
          testId="btn-prune"
          reason={reason('prune')}
          hint="Prune the selected node: its subtree is never selected again [P]"
          onClick={() => a.prune()}
        >
          ✂ Prune
        </ControlButton>
        <ControlButton
          testId="btn-expand"
          reason={reason('expand')}
          hint="Expand the selected node by hand: sample, evaluate and back up its children [E]"
          onClick={() => void a.expandHere()}
        >
          ⊕ Expand here
        </ControlButton>
        <ControlButton
          testId="btn-backtrack"
          reason={reason('backtrack')}
          hint="Backtrack: undo the last operator [Backspace or Z]"
          onClick={a.backtrack}
        >
          ↶ Backtrack
        </ControlButton>
      </div>
      <label className="controls__speed" title="Pause between phases while running">
        Speed
        <select data-testid="speed" value={speedMs} onChange={(e) => a.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s.ms} value={s.ms}>
              {s.label}
              {s.ms > 0 ? ` (${s.ms} ms)` : ''}
            </option>
          ))}
          {custom !== null && <option value={custom}>{custom} ms</option>}
        </select>
      </label>
      <details className="controls__help">
        <summary
          data-testid="shortcuts-help"
          aria-label="Keyboard shortcuts"
          title={SHORTCUTS.map((s) => `${s.keys.join(' / ')}: ${s.action}`).join('\n')}
        >
          ?
        </summary>
        <dl className="controls__shortcuts" data-testid="shortcuts">
          {SHORTCUTS.map((s) => (
            <div key={s.action} className="controls__shortcut">
              <dt>
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{s.action}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
