import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { PlaygroundState } from '../../state/store-types';
import { usePlaygroundStore } from '../store-context';
import { actionsForKey, keyLabel, plainLabel, type PlaygroundAction } from './actions';

/** How long a refused key's message stays up. */
const NOTICE_MS = 3_000;

/** Keys typed into a field belong to the field, not to the playground. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/** Only the phase in flight stands in the way: the key can wait for it rather than be refused. */
const waitsForPhase = (action: PlaygroundAction, s: PlaygroundState): boolean =>
  s.busy && !s.running && action.reason({ ...s, busy: false }) === null;

/**
 * Keyboard control of the playground, on the window, from the action registry: a key performs
 * the first of its actions that can act now (the same check that disables the buttons), so the
 * keys and the buttons never disagree. A key is never dropped unseen: pressed while a phase is in
 * flight it is queued and done when the phase ends; otherwise it is refused with the reason, in
 * the notice this returns (null when there is none).
 */
export function useKeyboardShortcuts(): string | null {
  const store = usePlaygroundStore();
  const [notice, setNotice] = useState<string | null>(null);
  const queued = useRef<PlaygroundAction | null>(null);

  const refuse = useEffectEvent((key: string, action: PlaygroundAction, why: string) => {
    setNotice(`${keyLabel(key)} (${plainLabel(action)}): ${why}`);
  });

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    // A focused button already answers Space with a click of its own.
    if (key === ' ' && event.target instanceof HTMLButtonElement) return;
    const s = store.getState();
    const actions = actionsForKey(key).filter((a) => !a.yieldsKeys?.(s));
    const [first] = actions;
    if (!first) return;
    event.preventDefault();
    // Holding a key down must not fire a burst of steps or undos.
    if (event.repeat && !first.repeats) return;
    const ready = actions.find((a) => a.reason(s) === null);
    if (ready) {
      setNotice(null);
      ready.perform(s);
      return;
    }
    const waiting = actions.find((a) => waitsForPhase(a, s));
    if (waiting) {
      queued.current = waiting;
      setNotice(`${keyLabel(key)} (${plainLabel(waiting)}): queued until the phase ends`);
      return;
    }
    refuse(key, first, first.reason(s) ?? 'not now');
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    // A queued key runs once the phase in flight is over (or is refused then, with its reason).
    const unsubscribe = store.subscribe((s) => {
      const action = queued.current;
      if (!action || s.busy) return;
      queued.current = null;
      const why = action.reason(s);
      if (why === null) {
        setNotice(null);
        action.perform(s);
      } else {
        refuse(action.keys[0] ?? '', action, why);
      }
    });
    return () => {
      window.removeEventListener('keydown', listener);
      unsubscribe();
    };
  }, [store]);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return notice;
}
