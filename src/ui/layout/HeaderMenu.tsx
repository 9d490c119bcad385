import { useRef, useState, type ReactNode } from 'react';
import { useDismiss } from './use-dismiss';

/**
 * Header buttons that stand in a row where the header has room, and fold into one "More ▾" menu
 * where it has not (layout.css decides by the width, so the header keeps to one line at any
 * size). The buttons are the same elements either way: their test ids and handlers do not change.
 */
export function HeaderMenu({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useDismiss(ref, open, () => setOpen(false));
  return (
    <div className="header-menu" ref={ref} data-open={open || undefined}>
      <button
        type="button"
        className="header-menu__toggle"
        data-testid="btn-header-menu"
        aria-expanded={open}
        aria-haspopup="true"
        title="Compare, learn, export and import, saved sessions"
        onClick={() => setOpen((o) => !o)}
      >
        More ▾
      </button>
      <div className="header-menu__items" data-testid="header-menu-items">
        {children}
      </div>
    </div>
  );
}
