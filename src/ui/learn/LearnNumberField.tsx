import { useState } from 'react';
import { parseField, type FieldSpec } from './learn-fields';

export interface LearnNumberFieldProps {
  readonly spec: FieldSpec;
  readonly value: number;
  readonly disabled: boolean;
  readonly onChange: (value: number) => void;
}

/**
 * One whole-number setting: its name, a box, and one line on what it does. What is typed stays in
 * the box with its message until it is a value the run accepts; only such values reach the store.
 */
export function LearnNumberField({ spec, value, disabled, onChange }: LearnNumberFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? null : parseField(draft, spec);
  const error = parsed && 'error' in parsed ? parsed.error : undefined;
  const id = `learn-field-${spec.key}`;
  return (
    <div className="learn-field" data-testid={`setting-${spec.testId}`}>
      <div className="learn-field__head">
        <label htmlFor={id}>{spec.label}</label>
        <input
          id={id}
          className="learn-field__input"
          data-testid={spec.testId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          disabled={disabled}
          value={draft ?? String(value)}
          aria-invalid={error !== undefined}
          aria-describedby={`${id}-explain${error ? ` ${id}-error` : ''}`}
          onChange={(e) => {
            const next = parseField(e.target.value, spec);
            if ('value' in next) {
              onChange(next.value);
              setDraft(null);
            } else setDraft(e.target.value);
          }}
          onBlur={() => error === undefined && setDraft(null)}
        />
      </div>
      <span className="learn-field__explain" id={`${id}-explain`}>
        {spec.explain}
      </span>
      {error && (
        <span className="learn-error" id={`${id}-error`} data-testid={`error-${spec.testId}`}>
          {error}
        </span>
      )}
    </div>
  );
}
