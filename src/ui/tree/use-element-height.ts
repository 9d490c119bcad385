import { useEffect, useState } from 'react';

/**
 * An element's height in CSS pixels, followed as it changes; 0 while it is not on the page. The
 * callback ref (not a ref object) tells the hook when the element comes and goes.
 */
export function useElementHeight<E extends HTMLElement>(): [(element: E | null) => void, number] {
  const [element, setElement] = useState<E | null>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver((entries) => setHeight(entries[0]?.borderBoxSize[0]?.blockSize ?? 0));
    observer.observe(element);
    return () => {
      observer.disconnect();
      setHeight(0);
    };
  }, [element]);
  return [setElement, height];
}
