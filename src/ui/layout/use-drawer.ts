import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';

export interface Drawer<P extends HTMLElement, T extends HTMLElement> {
  readonly open: boolean;
  readonly toggle: () => void;
  readonly close: () => void;
  /** The drawer itself: a press inside it keeps it open. */
  readonly panelRef: RefObject<P | null>;
  /** The button that toggles it, elsewhere on the page: its own press toggles rather than closing and reopening. */
  readonly toggleRef: RefObject<T | null>;
}

/**
 * A side panel that comes out where the screen has no room to dock it. It closes like the popovers
 * (use-dismiss.ts), on Escape and on a press outside it, but once that press has been handled: a
 * drawer that pushes the canvas aside must not move the button being pressed before the click
 * lands. With `openOnFocus`, focus moving into it (Tab, or a field focused by a script) opens it,
 * so that nobody types into a field they cannot see.
 */
export function useDrawer<P extends HTMLElement, T extends HTMLElement>(openOnFocus = false): Drawer<P, T> {
  const [open, setOpen] = useState(false);
  const panelRef = useRef<P>(null);
  const toggleRef = useRef<T>(null);
  const close = useEffectEvent(() => setOpen(false));
  useEffect(() => {
    const panel = panelRef.current;
    if (!openOnFocus || !panel) return;
    const onFocus = () => setOpen(true);
    panel.addEventListener('focusin', onFocus);
    return () => panel.removeEventListener('focusin', onFocus);
  }, [openOnFocus]);
  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) =>
      target instanceof Node && (panelRef.current?.contains(target) || toggleRef.current?.contains(target));
    const onKey = (event: KeyboardEvent) => {
      // A field's own Escape, or a popover inside the drawer, goes first.
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      close();
    };
    // Bubbling to the window: after the page's own handlers have had the click.
    const onClick = (event: MouseEvent) => {
      if (!inside(event.target)) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('click', onClick);
    };
  }, [open]);
  return { open, toggle: () => setOpen((o) => !o), close: () => setOpen(false), panelRef, toggleRef };
}
