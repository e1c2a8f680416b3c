import { queryOptions } from '@tanstack/react-query';
import type { Slide } from '../../export/deck-codec';
import { fetchDocumentText, type QueryRunner } from '../../queries';
import { renderSlide, type SlideSources } from './slide-renderers';

/** A slide's chart, rebuilt from its state; the key holds the chart id and the state, so equal slides share it. */
export function slideOptions(runner: QueryRunner, slide: Slide) {
  return queryOptions({
    queryKey: ['deck-slide', slide.chartId, slide.query],
    queryFn: () => {
      const sources: SlideSources = { runner, sourceText: (docId) => fetchDocumentText(runner, docId) };
      return renderSlide(slide, sources);
    },
  });
}
