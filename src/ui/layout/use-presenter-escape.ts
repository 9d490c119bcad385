import { useEffect, useEffectEvent } from 'react';

/**
 * Escape leaves the presenter view, whether or not the lesson is open. It is decided once the key
 * has been through every handler: an open popover, drawer or a field's own Escape takes the key
 * (and marks it taken) before the view is left, whatever order their listeners were added in.
 */
export function usePresenterEscape(presenter: boolean, leave: () => void): void {
  const onLeave = useEffectEvent(leave);
  useEffect(() => {
    if (!presenter) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      setTimeout(() => {
        if (!event.defaultPrevented) onLeave();
      }, 0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenter]);
}
