import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { PRESETS, presetFor } from './presets';
import './panels.css';

const selectProblem = (s: PlaygroundState) => ({
  numbers: s.setup.numbers,
  target: s.setup.target,
  numbersError: s.setupErrors.numbers ?? s.urlErrors.numbers,
  targetError: s.setupErrors.target ?? s.urlErrors.target,
  taskError: s.urlErrors.task,
});
const selectSetField = (s: PlaygroundState) => s.setField;
const selectSetProblem = (s: PlaygroundState) => s.setProblem;
const selectRandomPuzzle = (s: PlaygroundState) => s.randomPuzzle;

/**
 * The puzzle: Countdown numbers and a target (Game of 24 is the target 24). Fields keep the text
 * as typed so that an invalid value stays visible beside its message; the store validates it
 * (solvability included) and resets the search on every change.
 */
export function ProblemPanel() {
  const { numbers, target, numbersError, targetError, taskError } = usePlayground(useShallow(selectProblem));
  const setField = usePlayground(selectSetField);
  const setProblem = usePlayground(selectSetProblem);
  const randomPuzzle = usePlayground(selectRandomPuzzle);
  const preset = presetFor(numbers, target);
  const game24 = target.trim() === '24';

  const choosePreset = (id: string) => {
    const chosen = PRESETS.find((p) => p.id === id);
    if (chosen) setProblem(chosen.numbers, chosen.target);
  };

  return (
    <section className="panel" aria-labelledby="problem-panel-title">
      <h2 className="panel__title" id="problem-panel-title">
        Problem <span className="panel__badge">{game24 ? 'Game of 24' : 'Countdown'}</span>
      </h2>
      {taskError && (
        <p className="panel__error" role="alert" data-testid="error-task">
          {taskError}
        </p>
      )}

      <div className="panel__field">
        <label className="panel__label" htmlFor="problem-preset">
          Preset
        </label>
        <select
          id="problem-preset"
          className="panel__input"
          data-testid="preset-select"
          value={preset?.id ?? ''}
          onChange={(e) => choosePreset(e.target.value)}
        >
          {/* Shown only while the typed puzzle is none of the presets, so the select never lies. */}
          {!preset && (
            <option value="" disabled>
              Custom puzzle
            </option>
          )}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>

      <div className="panel__field">
        <label className="panel__label" htmlFor="problem-numbers">
          Numbers
        </label>
        <input
          id="problem-numbers"
          className="panel__input"
          data-testid="input-numbers"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. 4,5,6,10"
          value={numbers}
          aria-invalid={numbersError !== undefined}
          aria-describedby={numbersError ? 'error-numbers' : undefined}
          onChange={(e) => setField('numbers', e.target.value)}
        />
        {numbersError && (
          <span className="panel__error" id="error-numbers" data-testid="error-numbers">
            {numbersError}
          </span>
        )}
      </div>

      <div className="panel__field">
        <label className="panel__label" htmlFor="problem-target">
          Target
        </label>
        <input
          id="problem-target"
          className="panel__input panel__input--short"
          data-testid="input-target"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={target}
          aria-invalid={targetError !== undefined}
          aria-describedby={targetError ? 'error-target' : undefined}
          onChange={(e) => setField('target', e.target.value)}
        />
        {targetError && (
          <span className="panel__error" id="error-target" data-testid="error-target">
            {targetError}
          </span>
        )}
      </div>

      <div className="panel__row">
        <button type="button" className="panel__button" data-testid="btn-random" onClick={randomPuzzle}>
          Random
        </button>
        <span className="panel__hint">
          {game24 ? 'a solvable Game of 24 puzzle' : 'a solvable puzzle with a random target'}
        </span>
      </div>
    </section>
  );
}
