import { useRef } from 'react';
import { useDismiss } from '../layout/use-dismiss';
import { ACTIONS, keyLabel, plainLabel } from './actions';

/**
 * One line per set of keys: actions sharing their keys (Space: Run / Pause) or a help line
 * (← →: the timeline) share a line.
 */
const LINES: readonly { readonly keys: readonly string[]; readonly labels: string }[] = (() => {
  const lines = new Map<string, { keys: string[]; labels: string[] }>();
  for (const action of ACTIONS) {
    if (action.keys.length === 0) continue;
    const id = action.helpLine ?? action.keys.join(' ');
    const line = lines.get(id) ?? { keys: [], labels: [] };
    line.keys.push(...action.keys.filter((k) => !line.keys.includes(k)));
    const label = action.helpLine ?? plainLabel(action);
    if (!line.labels.includes(label)) line.labels.push(label);
    lines.set(id, line);
  }
  return [...lines.values()].map((l) => ({ keys: l.keys, labels: l.labels.join(' / ') }));
})();

/** The keyboard shortcuts, from the action registry: a "?" that opens their list. */
export function ShortcutsHelp() {
  const ref = useRef<HTMLDetailsElement>(null);
  // The <details> knows first that it is open (its toggle event comes a task later).
  useDismiss(
    ref,
    () => ref.current?.open === true,
    () => {
      if (ref.current) ref.current.open = false;
    },
  );
  return (
    <details className="controls__help" ref={ref}>
      <summary
        data-testid="shortcuts-help"
        aria-label="Keyboard shortcuts"
        title={LINES.map((l) => `${l.keys.map(keyLabel).join(' / ')}: ${l.labels}`).join('\n')}
      >
        ?
      </summary>
      <dl className="controls__shortcuts" data-testid="shortcuts">
        {LINES.map((l) => (
          <div key={l.keys.join(' ')} className="controls__shortcut">
            <dt>
              {l.keys.map((k) => (
                <kbd key={k}>{keyLabel(k)}</kbd>
              ))}
            </dt>
            <dd>{l.labels}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
