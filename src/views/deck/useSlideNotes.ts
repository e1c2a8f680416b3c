import { useQuery } from '@tanstack/react-query';
import type { Slide } from '../../export/deck-codec';
import type { ChartExportSpec } from '../../export/ChartExportMenu';
import { chartImageMeta } from '../../export/chart-meta';
import { embeddedDataOptions } from '../../queries';
import { describeSlideFilters } from './slide-renderers';

/** The lines under a slide: its source (来源：publisher，date) and the filters it was pinned with. */
export function useSlideNotes(slide: Slide, spec: ChartExportSpec | undefined): string[] {
  const embedded = useQuery(embeddedDataOptions());
  const source = spec ? chartImageMeta(spec, embedded.data?.documents ?? []).source : '';
  return [source, describeSlideFilters(slide.query)].filter((line) => line !== '');
}
