import { queryOptions } from '@tanstack/react-query';
import type { Slide } from '../../export/deck-codec';
import { fetchDocumentText, fetchEmbeddedData, run } from '../../queries';
import { renderSlide, type SlideSources } from './slide-renderers';

const APP_SOURCES: SlideSources = { runner: run, embedded: fetchEmbeddedData, sourceText: (docId) => fetchDocumentText(run, docId) };

/** A slide's chart, rebuilt from its state; the key holds the chart id and the state, so equal slides share it. */
export function slideOptions(slide: Slide) {
  return queryOptions({
    queryKey: ['deck-slide', slide.chartId, slide.query],
    queryFn: () => renderSlide(slide, APP_SOURCES),
  });
}
