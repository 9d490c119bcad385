import { useEffect, useState } from 'react';

/**
 * An element's width in CSS pixels, followed as it changes; 0 while it is not on the page. Charts
 * draw at their real size (not a scaled viewBox) so that their labels keep their pixel size.
 */
export function useElementWidth<E extends HTMLElement>(): [(element: E | null) => void, number] {
  const [element, setElement] = useState<E | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver((entries) =>
      setWidth(entries[0]?.contentBoxSize[0]?.inlineSize ?? 0),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      setWidth(0);
    };
  }, [element]);
  return [setElement, Math.floor(width)];
}
