import { useEffect, useEffectEvent } from 'react';
import { usePlaygroundStore } from '../store-context';
import { actionsForKey } from './actions';

/** Keys typed into a field belong to the field, not to the playground. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * Keyboard control of the playground, on the window, from the action registry: a key performs
 * the first of its actions that can act now (the same check that disables the buttons), so the
 * keys and the buttons never disagree. The state is read when the key comes, not subscribed to.
 */
export function useKeyboardShortcuts(): void {
  const store = usePlaygroundStore();

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    // A focused button already answers Space with a click of its own.
    if (key === ' ' && event.target instanceof HTMLButtonElement) return;
    const s = store.getState();
    const actions = actionsForKey(key).filter((a) => !a.yieldsKeys?.(s));
    if (actions.length === 0) return;
    event.preventDefault();
    // Holding a key down must not fire a burst of steps or undos.
    const ready = actions.find((a) => (a.repeats || !event.repeat) && a.reason(s) === null);
    ready?.perform(s);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
