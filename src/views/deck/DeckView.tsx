import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { chartInstance, EChart } from '../../charts/EChart';
import { chartImageMeta } from '../../export/chart-meta';
import { chartSvg, downloadBlob } from '../../export/image';
import { deck } from '../../export/deck-store';
import type { Slide } from '../../export/deck-codec';
import { deckToPngZip, deckToPptx, type DeckFileSlide } from '../../export/deck-export';
import { safeFileName } from '../../export/file-name';
import { t } from '../../i18n/zh';
import { documentsOptions, type QueryRunner } from '../../queries';
import { QueryState } from '../shared/QueryState';
import { Presentation } from './Presentation';
import { documentTitles } from '../shared/value-label';
import { describeSlideFilters } from './slide-renderers';
import { slideOptions } from './slide-query';
import { useDeckLink } from './useDeckLink';
import { useSlideNotes } from './useSlideNotes';
import '../../charts/echarts-extra';
import { useRunner } from '../../app/engine-context';

/** The slides as files need them, taken from the live charts of the slide list. */
function fileSlides(slides: readonly Slide[], client: QueryClient, runner: QueryRunner): DeckFileSlide[] {
  const documents = client.getQueryData(documentsOptions(runner).queryKey) ?? [];
  const titles = documentTitles(documents);
  return slides.map((slide, i) => {
    const rendered = client.getQueryData(slideOptions(runner, slide).queryKey);
    const instance = chartInstance(`deck-${slide.id}`);
    if (!rendered || !instance) throw new Error(t.deck.notDrawn(i + 1));
    const meta = { ...chartImageMeta(rendered.spec, documents), title: slide.title };
    return {
      title: slide.title,
      chart: chartSvg(instance, { meta, showMeta: false }),
      framed: chartSvg(instance, { meta }),
      notes: [meta.source, describeSlideFilters(slide.query, titles)].filter((s) => s !== ''),
    };
  });
}

/** The deck: pinned charts as slides to title and order, presented full screen or exported as PPTX/PNGs. */
export function DeckView() {
  const runner = useRunner();
  const { slides, error } = useSyncExternalStore(deck.subscribe, deck.getSnapshot);
  useDeckLink(slides);
  const client = useQueryClient();
  const [presenting, setPresenting] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const act = (work: () => Promise<string | void>) => async () => {
    setStatus(t.deck.exporting);
    try {
      setStatus((await work()) ?? '');
    } catch (cause) {
      setStatus(`${t.exporter.failed}${cause instanceof Error ? cause.message : String(cause)}`);
    }
  };
  const name = t.deck.deckFile;
  return (
    <div className="deck">
      {error && <p className="error-box" role="alert">{error}</p>}
      <div className="deck-toolbar">
        <button type="button" disabled={slides.length === 0} onClick={() => setPresenting(0)}>{t.deck.present}</button>
        <button type="button" disabled={slides.length === 0}
          onClick={act(async () => downloadBlob(await deckToPptx(fileSlides(slides, client, runner), name), safeFileName(name, 'pptx')))}>
          {t.deck.exportPptx}
        </button>
        <button type="button" disabled={slides.length === 0}
          onClick={act(async () => {
            const names = slides.map((s, i) => safeFileName(`${String(i + 1).padStart(2, '0')}-${s.title}`, 'png'));
            downloadBlob(await deckToPngZip(fileSlides(slides, client, runner), names, 2), safeFileName(name, 'zip'));
          })}>
          {t.deck.exportPngs}
        </button>
        <button type="button" disabled={slides.length === 0}
          onClick={act(async () => {
            await navigator.clipboard.writeText(window.location.href);
            return t.deck.shared;
          })}>
          {t.deck.share}
        </button>
        <button type="button" className="link" disabled={slides.length === 0} onClick={() => deck.replace([])}>{t.deck.clear}</button>
        {status && <span className="export-status" role="status">{status}</span>}
      </div>
      {slides.length === 0 && <p className="empty-state">{t.deck.empty}</p>}
      <ol className="deck-list">
        {slides.map((slide, i) => (
          <SlideCard key={slide.id} slide={slide} index={i} count={slides.length} onPresent={() => setPresenting(i)} />
        ))}
      </ol>
      {presenting !== null && slides.length > 0 && (
        <Presentation slides={slides} start={presenting} onExit={() => setPresenting(null)} />
      )}
    </div>
  );
}

function SlideCard({ slide, index, count, onPresent }: { slide: Slide; index: number; count: number; onPresent: () => void }) {
  const runner = useRunner();
  const rendered = useQuery(slideOptions(runner, slide));
  const notes = useSlideNotes(slide, rendered.data?.spec);
  return (
    <li className="deck-card" data-slide={slide.id}>
      <header>
        <span className="deck-number">{index + 1}</span>
        <input aria-label={t.deck.slideTitle} value={slide.title} onChange={(e) => deck.rename(slide.id, e.target.value)} />
        <button type="button" disabled={index === 0} onClick={() => deck.move(slide.id, -1)}>{t.deck.moveUp}</button>
        <button type="button" disabled={index === count - 1} onClick={() => deck.move(slide.id, 1)}>{t.deck.moveDown}</button>
        <button type="button" onClick={onPresent}>{t.deck.present}</button>
        <a href={slide.query || '?'}>{t.deck.openView}</a>
        <button type="button" className="link" onClick={() => deck.remove(slide.id)}>{t.deck.remove}</button>
      </header>
      <div className="deck-card-chart">
        <QueryState query={rendered}>
          {({ option, height }) => <EChart option={option} height={height} label={slide.title} chartId={`deck-${slide.id}`} eager />}
        </QueryState>
      </div>
      <footer className="muted">{notes.join(' · ')}</footer>
    </li>
  );
}
