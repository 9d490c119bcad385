import type { SettingSpec } from './strategy-settings';
import { sliderText, sliderValue } from './strategy-settings';

export interface SettingSliderProps {
  readonly spec: SettingSpec;
  readonly label: string;
  readonly explain: string;
  /** The text in the box, as typed (an invalid value stays visible beside its message). */
  readonly value: string;
  readonly error: string | undefined;
  readonly onChange: (text: string) => void;
}

/**
 * One numeric strategy setting: its name and exact value (a box that takes any value the field
 * accepts), a slider over its useful range or − and + buttons, and one line on what it does.
 */
export function SettingSlider({ spec, label, explain, value, error, onChange }: SettingSliderProps) {
  const id = `strategy-${spec.field}`;
  const explainId = `explain-${spec.field}`;
  const current = sliderValue(value, spec);
  const stepBy = (delta: number) =>
    onChange(sliderText(Math.min(spec.max, Math.max(spec.min, current + delta)), spec));
  const box = (
    <input
      id={id}
      className="panel__input setting__value"
      data-testid={spec.testId}
      type="text"
      inputMode={spec.decimal ? 'decimal' : 'numeric'}
      autoComplete="off"
      value={value}
      aria-invalid={error !== undefined}
      aria-describedby={error ? `error-${spec.field} ${explainId}` : explainId}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  return (
    <div className="panel__field setting" data-testid={`setting-${spec.field}`}>
      <div className="setting__head">
        <label className="panel__label setting__label" htmlFor={id}>
          {label}
        </label>
        {spec.control === 'stepper' ? (
          <span className="setting__stepper">
            <button
              type="button"
              className="panel__button"
              aria-label={`${label} − 1`}
              onClick={() => stepBy(-spec.step)}
            >
              −
            </button>
            {box}
            <button
              type="button"
              className="panel__button"
              aria-label={`${label} + 1`}
              onClick={() => stepBy(spec.step)}
            >
              +
            </button>
          </span>
        ) : (
          box
        )}
      </div>
      {spec.control === 'slider' && (
        <input
          className="setting__slider"
          data-testid={`slider-${spec.field}`}
          type="range"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={current}
          aria-label={label}
          aria-describedby={explainId}
          onChange={(e) => onChange(sliderText(Number(e.target.value), spec))}
        />
      )}
      <span className="panel__explain" id={explainId} data-testid={`explain-${spec.field}`}>
        {explain}
      </span>
      {error && (
        <span className="panel__error" id={`error-${spec.field}`} data-testid={`error-${spec.field}`}>
          {error}
        </span>
      )}
    </div>
  );
}
