import { t } from '../i18n/zh';
import type { DocumentRow } from '../queries';

/** What an exported chart image carries besides the chart: title, unit and period, and its source line. */
export interface ChartImageMeta {
  title: string;
  /** The unit the chart is drawn in (e.g. 亿元); '' when it has none. */
  unit: string;
  /** The period the figures refer to; '' when they state none. */
  period: string;
  /** The source line: 来源：publisher，date (several documents joined by ；). */
  source: string;
}

/** Anything with the provenance an image needs: a period and the document it comes from. */
export interface FigureProvenance {
  period: string;
  doc_id: string;
}

/**
 * One period for a chart: the only one stated, or the most frequent followed by 等 when there are several
 * (ties go to the first seen), '' when none is stated.
 */
export function describePeriod(periods: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const p of periods) if (p.trim() !== '') counts.set(p, (counts.get(p) ?? 0) + 1);
  let best = '';
  for (const [period, n] of counts) if (best === '' || n > (counts.get(best) ?? 0)) best = period;
  return counts.size > 1 ? `${best}${t.exporter.meta.morePeriods}` : best;
}

/** The source line for the documents behind a chart, in the order first seen; unknown documents by their id. */
export function describeSource(docIds: readonly string[], documents: readonly DocumentRow[]): string {
  const ids = [...new Set(docIds)];
  if (ids.length === 0) return '';
  const parts = ids.map((id) => {
    const doc = documents.find((d) => d.doc_id === id);
    if (!doc) return id;
    return t.exporter.meta.documentSource([doc.publisher, doc.published].filter((s) => s !== '')) || id;
  });
  return t.exporter.meta.source(parts);
}

/** The metadata line parts of an exported chart. */
export function chartImageMeta(
  spec: { title: string; unit?: string; figures?: readonly FigureProvenance[] },
  documents: readonly DocumentRow[],
): ChartImageMeta {
  const figures = spec.figures ?? [];
  return {
    title: spec.title,
    unit: spec.unit ?? '',
    period: describePeriod(figures.map((f) => f.period)),
    source: describeSource(figures.map((f) => f.doc_id), documents),
  };
}

/** The line under the title: 单位：亿元 · 时期：2021年. */
export function metaSubtitle(meta: ChartImageMeta): string {
  const { unit, period, separator } = t.exporter.meta;
  return [meta.unit && unit(meta.unit), meta.period && period(meta.period)].filter(Boolean).join(separator);
}
