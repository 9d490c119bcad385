import { useEffect, useEffectEvent } from 'react';

/** Keys typed into a field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * Lesson navigation from the keyboard. Page Down / Page Up are what presentation clickers send;
 * in the presenter view the arrow keys move through the lesson too (the timeline gives them up),
 * and Escape leaves the presenter view.
 */
export function useLessonKeys(
  active: boolean,
  presenter: boolean,
  go: (delta: 1 | -1) => void,
  exitPresenter: () => void,
): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!active || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const forward = event.key === 'PageDown' || (presenter && event.key === 'ArrowRight');
    const back = event.key === 'PageUp' || (presenter && event.key === 'ArrowLeft');
    if (forward || back) {
      event.preventDefault();
      go(forward ? 1 : -1);
    } else if (presenter && event.key === 'Escape') {
      // Decided after every other handler: an open popover takes this Escape first (as in
      // ui/layout/use-presenter-escape.ts, which leaves the view when the lesson is closed).
      setTimeout(() => event.defaultPrevented || exitPresenter(), 0);
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
