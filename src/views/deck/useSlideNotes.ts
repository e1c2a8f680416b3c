import { useQuery } from '@tanstack/react-query';
import type { Slide } from '../../export/deck-codec';
import type { ChartExportSpec } from '../../export/ChartExportMenu';
import { chartImageMeta } from '../../export/chart-meta';
import { useRunner } from '../../app/engine-context';
import { documentsOptions } from '../../queries';
import { useDocumentTitles } from '../../app/ReportPicker';
import { describeSlideFilters } from './slide-renderers';

/** The lines under a slide: its source (来源：publisher，date) and the filters it was pinned with. */
export function useSlideNotes(slide: Slide, spec: ChartExportSpec | undefined): string[] {
  const documents = useQuery(documentsOptions(useRunner()));
  const titles = useDocumentTitles();
  const source = spec ? chartImageMeta(spec, documents.data ?? []).source : '';
  return [source, describeSlideFilters(slide.query, titles)].filter((line) => line !== '');
}
