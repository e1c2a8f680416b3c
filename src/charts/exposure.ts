import { useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Where an element is relative to the viewport: on screen, within NEAR_PX of it, or further away. */
export type Exposure = 'visible' | 'near' | 'far';

/** How far (px) above or below the viewport an element still counts as near it. */
export const NEAR_PX = 400;

/** The exposure of a rectangle in a viewport `viewportHeight` px tall (pure, for the first measurement). */
export function exposureOf(rect: { top: number; bottom: number; height: number }, viewportHeight: number): Exposure {
  if (rect.height > 0 && rect.bottom > 0 && rect.top < viewportHeight) return 'visible';
  if (rect.bottom >= -NEAR_PX && rect.top <= viewportHeight + NEAR_PX) return 'near';
  return 'far';
}

/** Whether the page is being printed: every chart is drawn then, wherever it sits on the page. */
let printing = false;
const printListeners = new Set<() => void>();

function setPrinting(next: boolean): void {
  printing = next;
  // Synchronously: the print layout is taken as soon as `beforeprint` returns.
  flushSync(() => printListeners.forEach((listener) => listener()));
}

function subscribePrinting(listener: () => void): () => void {
  if (printListeners.size === 0) {
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
  }
  printListeners.add(listener);
  return () => {
    printListeners.delete(listener);
    if (printListeners.size === 0) {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    }
  };
}
const onBeforePrint = () => setPrinting(true);
const onAfterPrint = () => setPrinting(false);

/**
 * Tracks the element's exposure: measured once on mount (one layout read, shared by every chart of a mount),
 * then followed by two IntersectionObservers (viewport, and viewport widened by NEAR_PX). Always 'visible'
 * when `always` is set, and while the page is printed; 'far' while `hidden` (measured again when shown).
 */
export function useExposure(element: RefObject<HTMLElement | null>, always: boolean, hidden = false): Exposure {
  const [flags, setFlags] = useState<{ visible: boolean; near: boolean }>({ visible: always, near: always });
  useLayoutEffect(() => {
    const el = element.current;
    if (always || hidden || !el) return;
    const first = exposureOf(el.getBoundingClientRect(), window.innerHeight);
    // Measuring before the first paint is what a layout effect is for: waiting for the observers' first report
    // would draw on-screen charts a frame late.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFlags({ visible: first === 'visible', near: first !== 'far' });
    const watch = (key: 'visible' | 'near', rootMargin: string) => {
      const observer = new IntersectionObserver((entries) => {
        const entry = entries.at(-1);
        if (entry) setFlags((f) => (f[key] === entry.isIntersecting ? f : { ...f, [key]: entry.isIntersecting }));
      }, { rootMargin });
      observer.observe(el);
      return observer;
    };
    const observers = [watch('visible', '0px'), watch('near', `${NEAR_PX}px 0px`)];
    return () => observers.forEach((o) => o.disconnect());
  }, [element, always, hidden]);
  const printed = useSyncExternalStore(subscribePrinting, () => printing, () => false);
  if (hidden) return 'far';
  return printed || flags.visible ? 'visible' : flags.near ? 'near' : 'far';
}
