import type { FigureRecord } from '../data/figure-record';
import { dimensionValueLabel, t } from '../i18n/zh';
import type { DocumentRow } from '../queries';

/** One column of exported data: numbers stay numbers in CSV and XLSX, text is written as text. */
export interface ExportColumn {
  key: string;
  label: string;
  type: 'number' | 'text';
}

export type ExportCell = string | number | null;

/** The data behind a chart, table or pivot, as files receive it. */
export interface ExportTable {
  columns: readonly ExportColumn[];
  rows: readonly Record<string, ExportCell>[];
}

const c = t.exporter.columns;

const FIGURE_COLUMNS: readonly ExportColumn[] = [
  { key: 'id', label: c.id, type: 'text' },
  { key: 'indicator', label: c.indicator, type: 'text' },
  { key: 'subject', label: c.subject, type: 'text' },
  { key: 'value', label: c.value, type: 'number' },
  { key: 'unit', label: c.unit, type: 'text' },
  { key: 'qualifier', label: c.qualifier, type: 'text' },
  { key: 'value_base', label: t.provenance.baseValue, type: 'number' },
  { key: 'base_unit', label: t.pivot.exportColumns.baseUnit, type: 'text' },
  { key: 'kind', label: c.kind, type: 'text' },
  { key: 'category', label: c.category, type: 'text' },
  { key: 'period', label: c.period, type: 'text' },
  { key: 'period_start', label: c.periodStart, type: 'text' },
  { key: 'period_end', label: c.periodEnd, type: 'text' },
  // Meaning: how the figure may be aggregated, which fact it states, which total it is part of.
  { key: 'agg', label: c.agg, type: 'text' },
  { key: 'fact_id', label: c.factId, type: 'text' },
  { key: 'part_of', label: c.partOf, type: 'text' },
  // Provenance: where the number stands in which document.
  { key: 'section', label: c.section, type: 'text' },
  { key: 'section_title', label: c.sectionTitle, type: 'text' },
  { key: 'line', label: c.line, type: 'number' },
  { key: 'start', label: c.start, type: 'number' },
  { key: 'end', label: c.end, type: 'number' },
  { key: 'quote', label: c.quote, type: 'text' },
  { key: 'doc_id', label: c.docId, type: 'text' },
  { key: 'doc_title', label: c.docTitle, type: 'text' },
  { key: 'publisher', label: t.provenance.publisher, type: 'text' },
  { key: 'published', label: t.provenance.published, type: 'text' },
  { key: 'url', label: t.provenance.openOriginal, type: 'text' },
];

/**
 * Figures with their provenance columns, values exactly as parsed (262.48 stays 262.48: nothing is
 * multiplied or divided on the way to the file).
 */
export function figuresTable(figures: readonly FigureRecord[], documents: readonly DocumentRow[]): ExportTable {
  const docs = new Map(documents.map((d) => [d.doc_id, d]));
  return {
    columns: FIGURE_COLUMNS,
    rows: figures.map((f) => {
      const doc = docs.get(f.doc_id);
      return {
        id: f.id, indicator: f.indicator, subject: f.subject, value: f.value, unit: f.unit, qualifier: f.qualifier,
        value_base: f.value_base, base_unit: f.base_unit, kind: dimensionValueLabel('kind', f.kind),
        category: dimensionValueLabel('category', f.category), period: f.period, period_start: f.period_start,
        period_end: f.period_end, agg: dimensionValueLabel('agg', f.agg), fact_id: f.fact_id, part_of: f.part_of, section: f.section,
        section_title: f.section_title, line: f.line, start: f.start, end: f.end, quote: f.quote, doc_id: f.doc_id,
        doc_title: doc?.title ?? '', publisher: doc?.publisher ?? '', published: doc?.published ?? '', url: doc?.url ?? '',
      };
    }),
  };
}
