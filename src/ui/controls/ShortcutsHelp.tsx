import { ACTIONS, keyLabel } from './actions';

/** One line per set of keys: actions sharing their keys (Space: Run / Pause) share a line. */
const LINES: readonly { readonly keys: readonly string[]; readonly labels: string }[] = (() => {
  const byKeys = new Map<string, { keys: readonly string[]; labels: string[] }>();
  for (const action of ACTIONS) {
    if (action.keys.length === 0) continue;
    const id = action.keys.join(' ');
    const line = byKeys.get(id) ?? { keys: action.keys, labels: [] };
    // The help names what an action does; the button's icon adds nothing there.
    line.labels.push(action.label.replace(/^[^\p{L}]+/u, ''));
    byKeys.set(id, line);
  }
  return [...byKeys.values()].map((l) => ({ keys: l.keys, labels: l.labels.join(' / ') }));
})();

/** The keyboard shortcuts, from the action registry: a "?" that opens their list. */
export function ShortcutsHelp() {
  return (
    <details className="controls__help">
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
