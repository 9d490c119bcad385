import { useEffectEvent, useLayoutEffect, type RefObject } from 'react';

/**
 * Closes a popover the way people expect: Escape, or a press anywhere outside it (its own toggle
 * is inside `ref`, so pressing it toggles rather than closing and reopening). Listening only
 * while it is open, from the commit that shows it: a layout effect, since a passive one runs after
 * the paint and an Escape pressed as the popover appears would pass it by (and leave the presenter
 * view instead).
 */
export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  open: boolean | (() => boolean),
  close: () => void,
): void {
  const onClose = useEffectEvent(close);
  // A function is asked at each key or press, and the listeners stay while mounted: for a popover
  // whose open state the DOM knows first (a <details>: its toggle event comes a task later, and an
  // Escape pressed in between would otherwise find no listener).
  const live = typeof open === 'function' ? open : undefined;
  const listening = live !== undefined || open === true;
  const isOpen = useEffectEvent(() => (live ? live() : true));
  useLayoutEffect(() => {
    if (!listening) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !isOpen()) return;
      // Inner handlers (a rename field's own Escape) ran first and may have taken it. This popover
      // takes it otherwise: the presenter view's Escape waits for the next one.
      event.preventDefault();
      onClose();
    };
    const onPointer = (event: PointerEvent) => {
      if (!isOpen()) return;
      if (event.target instanceof Node && ref.current?.contains(event.target)) return;
      onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [listening, ref]);
}
