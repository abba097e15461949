import { useEffect, useRef } from 'react';

/**
 * Loads the next page when the element scrolls into view (infinite scroll), for lists that also keep a "load more"
 * button for keyboards and screen readers. Returns the ref to put on the element at the end of the list.
 */
export function useAutoLoad<T extends Element>(enabled: boolean, load: () => void) {
  const ref = useRef<T | null>(null);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  }, [load]);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
