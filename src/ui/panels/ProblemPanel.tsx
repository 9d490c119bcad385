import { useShallow } from 'zustand/react/shallow';
import type { TaskName } from '../../state/setup';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { MathProblemForm } from './MathProblemForm';
import { PRESETS, presetFor } from './presets';
import './panels.css';

const TASKS: readonly { readonly task: TaskName; readonly label: string }[] = [
  { task: 'countdown', label: 'Countdown / Game of 24' },
  { task: 'math', label: 'Math word problem' },
];

const selectProblem = (s: PlaygroundState) => ({
  task: s.setup.task,
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
 * The task, then its problem: Countdown numbers and a target (Game of 24 is the target 24), or a
 * math word problem (MathProblemForm). Fields keep the text as typed so that an invalid value
 * stays visible beside its message; the store validates it (solvability included) and resets the
 * search on every change.
 */
export function ProblemPanel() {
  const { task, numbers, target, numbersError, targetError, taskError } = usePlayground(
    useShallow(selectProblem),
  );
  const setField = usePlayground(selectSetField);
  const setProblem = usePlayground(selectSetProblem);
  const randomPuzzle = usePlayground(selectRandomPuzzle);
  const preset = presetFor(numbers, target);
  const game24 = target.trim() === '24';

  const choosePreset = (id: string) => {
    const chosen = PRESETS.find((p) => p.id === id);
    if (chosen) setProblem(chosen.numbers, chosen.target);
  };
  // Narrowing by lookup keeps the select's value typed without a cast.
  const chooseTask = (value: string) => {
    const found = TASKS.find((t) => t.task === value);
    if (found) setField('task', found.task);
  };
  const badge = task === 'math' ? 'Math' : game24 ? 'Game of 24' : 'Countdown';

  const countdownFields = (
    <>
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
    </>
  );

  return (
    <section className="panel" aria-labelledby="problem-panel-title">
      <h2 className="panel__title" id="problem-panel-title">
        Problem <span className="panel__badge">{badge}</span>
      </h2>

      <div className="panel__field">
        <label className="panel__label" htmlFor="problem-task">
          Task
        </label>
        <select
          id="problem-task"
          className="panel__input"
          data-testid="select-task"
          value={task}
          aria-invalid={taskError !== undefined}
          aria-describedby={taskError ? 'error-task' : undefined}
          onChange={(e) => chooseTask(e.target.value)}
        >
          {TASKS.map((t) => (
            <option key={t.task} value={t.task}>
              {t.label}
            </option>
          ))}
        </select>
        {taskError && (
          <span className="panel__error" role="alert" id="error-task" data-testid="error-task">
            {taskError}
          </span>
        )}
      </div>

      {task === 'math' ? <MathProblemForm /> : countdownFields}
    </section>
  );
}
