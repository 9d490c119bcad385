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
 * A side panel that slides over the canvas where the screen has no room to dock it. It closes like
 * the popovers (use-dismiss.ts): on Escape and on a press outside it; unlike them, its toggle lives
 * in the header, away from the panel, so both are "inside".
 */
export function useDrawer<P extends HTMLElement, T extends HTMLElement>(): Drawer<P, T> {
  const [open, setOpen] = useState(false);
  const panelRef = useRef<P>(null);
  const toggleRef = useRef<T>(null);
  const close = useEffectEvent(() => setOpen(false));
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
    const onPointer = (event: PointerEvent) => {
      if (!inside(event.target)) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open]);
  return { open, toggle: () => setOpen((o) => !o), close: () => setOpen(false), panelRef, toggleRef };
}
