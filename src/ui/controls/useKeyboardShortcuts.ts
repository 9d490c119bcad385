import { useEffect, useEffectEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import { selectAvailability, type ControlAction } from './availability';

export interface Shortcut {
  /** As shown to the user. */
  readonly keys: readonly string[];
  readonly action: string;
}

/** The shortcuts, in the order the help legend lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Space'], action: 'Run / pause' },
  { keys: ['S'], action: 'Step: one simulation' },
  { keys: ['F', '.'], action: 'Step one phase' },
  { keys: ['R'], action: 'Reset' },
  { keys: ['P'], action: 'Prune the selected node' },
  { keys: ['E'], action: 'Expand the selected node' },
  { keys: ['Backspace', 'Z'], action: 'Backtrack: undo the last operator' },
  { keys: ['←', '→'], action: 'Timeline: one step back / forward' },
];

const KEY_ACTIONS: Readonly<Record<string, ControlAction>> = {
  s: 'step',
  f: 'stepPhase',
  '.': 'stepPhase',
  r: 'reset',
  p: 'prune',
  e: 'expand',
  backspace: 'backtrack',
  z: 'backtrack',
};

/** Keys typed into a field belong to the field, not to the playground. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

const selectTimeline = (s: PlaygroundState) => ({
  // In the presenter view the arrow keys move through the lesson instead (useLessonKeys).
  presenting: s.presenter && s.lessonOpen,
  cursor: s.cursor,
  last: s.runner ? s.runner.checkpoints.length - 1 : -1,
});

const selectActions = (s: PlaygroundState) => ({
  run: s.run,
  pause: s.pause,
  step: s.step,
  stepPhase: s.stepPhase,
  reset: s.reset,
  prune: s.prune,
  expandHere: s.expandHere,
  backtrack: s.backtrack,
  seek: s.seek,
});

/**
 * Keyboard control of the search, on the window. A key acts only when its button would be enabled
 * (the same availability selector), so the keys and the buttons never disagree.
 */
export function useKeyboardShortcuts(): void {
  const availability = usePlayground(useShallow(selectAvailability));
  const timeline = usePlayground(useShallow(selectTimeline));
  const actions = usePlayground(useShallow(selectActions));

  const perform = (action: ControlAction) => {
    if (availability[action] !== null) return;
    switch (action) {
      case 'run':
        return void actions.run();
      case 'pause':
        return actions.pause();
      case 'step':
        return void actions.step();
      case 'stepPhase':
        return void actions.stepPhase();
      case 'reset':
        return actions.reset();
      case 'prune':
        return actions.prune();
      case 'expand':
        return void actions.expandHere();
      case 'backtrack':
        return actions.backtrack();
    }
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'arrowleft' || key === 'arrowright') {
      if (timeline.last < 1 || timeline.presenting) return;
      event.preventDefault();
      actions.seek((timeline.cursor ?? timeline.last) + (key === 'arrowleft' ? -1 : 1));
      return;
    }
    // Holding a key down must not fire a burst of steps or undos.
    if (event.repeat) return;
    if (key === ' ') {
      // A focused button already answers Space with a click of its own.
      if (event.target instanceof HTMLButtonElement) return;
      event.preventDefault();
      perform(availability.pause === null ? 'pause' : 'run');
      return;
    }
    const action = KEY_ACTIONS[key];
    if (!action) return;
    event.preventDefault();
    perform(action);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
