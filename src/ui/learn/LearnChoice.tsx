export interface LearnChoiceProps<V extends string> {
  readonly legend: string;
  readonly name: string;
  readonly options: readonly { readonly value: V; readonly label: string; readonly explain: string }[];
  readonly value: V;
  readonly disabled: boolean;
  readonly onChange: (value: V) => void;
}

/** A choice of a few options, each with one line saying what it is (radio buttons). */
export function LearnChoice<V extends string>({
  legend,
  name,
  options,
  value,
  disabled,
  onChange,
}: LearnChoiceProps<V>) {
  return (
    <fieldset className="learn-choice" disabled={disabled} data-testid={`choice-${name}`}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="learn-choice__option">
          <input
            type="radio"
            name={name}
            value={o.value}
            data-testid={`${name}-${o.value}`}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <span>
            <strong>{o.label}</strong>
            <span className="learn-field__explain">{o.explain}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
