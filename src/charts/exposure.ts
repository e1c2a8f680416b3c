import { useLayoutEffect, useState, type RefObject } from 'react';

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

/**
 * Tracks the element's exposure: measured once on mount (one layout read, shared by every chart of a mount),
 * then followed by two IntersectionObservers (viewport, and viewport widened by NEAR_PX). Always 'visible'
 * when `always` is set.
 */
export function useExposure(element: RefObject<HTMLElement | null>, always: boolean): Exposure {
  const [flags, setFlags] = useState<{ visible: boolean; near: boolean }>({ visible: always, near: always });
  useLayoutEffect(() => {
    const el = element.current;
    if (always || !el) return;
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
  }, [element, always]);
  return flags.visible ? 'visible' : flags.near ? 'near' : 'far';
}
