import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EChart } from '../../charts/EChart';
import type { ChartOption } from '../../charts/echarts';
import type { Slide } from '../../export/deck-codec';
import { t } from '../../i18n/zh';
import { QueryState } from '../shared/QueryState';
import { largeTypeOption } from './large-type';
import { slideOptions } from './slide-query';
import { useSlideNotes } from './useSlideNotes';
import { useRunner } from '../../app/engine-context';

export interface PresentationProps {
  slides: readonly Slide[];
  start: number;
  onExit: () => void;
}

function useWindowSize() {
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

/** Full-screen 16:9 slides in large type: ←/→ (and PageUp/PageDown, space) move, Esc leaves. */
export function Presentation({ slides, start, onExit }: PresentationProps) {
  const [index, setIndex] = useState(Math.min(start, slides.length - 1));
  const root = useRef<HTMLDivElement>(null);
  const exit = useRef(onExit);
  useEffect(() => {
    exit.current = onExit;
  }, [onExit]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = ['ArrowRight', 'PageDown', ' '].includes(e.key) ? 1 : ['ArrowLeft', 'PageUp'].includes(e.key) ? -1 : 0;
      if (step !== 0) {
        e.preventDefault();
        setIndex((i) => Math.max(0, Math.min(slides.length - 1, i + step)));
      } else if (e.key === 'Escape') {
        exit.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [slides.length]);

  useEffect(() => {
    // Full screen where the browser allows it; otherwise the fixed overlay already covers the page.
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) exit.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    root.current?.requestFullscreen?.().catch(() => {});
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    };
  }, []);

  const { width, height } = useWindowSize();
  const stage = { width: Math.min(width, (height * 16) / 9), height: Math.min(height, (width * 9) / 16) };
  const slide = slides[index];
  return (
    <div className="deck-present" ref={root} role="dialog" aria-modal="true" aria-label={t.deck.title}>
      <div className="deck-stage" style={{ width: stage.width, height: stage.height, fontSize: stage.height / 30 }}>
        {slide && <PresentedSlide key={slide.id} slide={slide} chartHeight={Math.round(stage.height * 0.72)} />}
        <div className="deck-present-bar">
          <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} aria-label={t.deck.previous}>←</button>
          <span data-testid="slide-counter">{t.deck.counter(index + 1, slides.length)}</span>
          <button type="button" onClick={() => setIndex((i) => Math.min(slides.length - 1, i + 1))} aria-label={t.deck.next}>→</button>
          <button type="button" onClick={onExit} aria-label={t.deck.exit}>✕</button>
        </div>
      </div>
    </div>
  );
}

function PresentedSlide({ slide, chartHeight }: { slide: Slide; chartHeight: number }) {
  const runner = useRunner();
  const rendered = useQuery(slideOptions(runner, slide));
  const notes = useSlideNotes(slide, rendered.data?.spec);
  return (
    <section className="deck-slide" data-slide={slide.id}>
      <h2>{slide.title}</h2>
      <QueryState query={rendered}>
        {({ option }) => <LargeChart option={option} height={chartHeight} label={slide.title} chartId={`present-${slide.id}`} />}
      </QueryState>
      <footer>{notes.join(' · ')}</footer>
    </section>
  );
}

function LargeChart({ option, ...rest }: { option: ChartOption; height: number; label: string; chartId: string }) {
  const large = useMemo(() => largeTypeOption(option), [option]);
  return <EChart option={large} {...rest} />;
}
