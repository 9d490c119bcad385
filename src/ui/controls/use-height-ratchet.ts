import { useEffect, useRef } from 'react';

/**
 * Keeps an element (one without padding or border) at the tallest height it has had at its current
 * width: it grows with longer content and never shrinks back. The phase note's text changes length
 * with every phase of a running search (one line, then three, then two); left to follow it, the
 * tree view below was resized, refitted and repainted whole a dozen times a second. The ratchet
 * starts over when the width changes, since the lines then wrap differently.
 */
export function useHeightRatchet<T extends HTMLElement>() {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let width = -1;
    let tallest = 0;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box) return;
      if (box.width !== width) {
        // Measured afresh without the old floor (a forced layout, but only when the width changes).
        width = box.width;
        element.style.minHeight = '';
        tallest = element.getBoundingClientRect().height;
        element.style.minHeight = `${tallest}px`;
      } else if (box.height > tallest) {
        tallest = box.height;
        element.style.minHeight = `${tallest}px`;
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return ref;
}
