import type { FigureRecord } from '../data/figure-record';
import { dimensionValueLabel, t } from '../i18n/zh';
import { NUMERIC_FIGURE_COLUMNS, type FigureColumn } from '../extract/types';
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

/** A figure column as exported: its type from the figures schema (the one declaration), its label in Chinese. */
const col = (key: FigureColumn, label: string): ExportColumn => ({
  key, label, type: NUMERIC_FIGURE_COLUMNS.includes(key) ? 'number' : 'text',
});

/** The figure columns in the order an analyst reads them, then the document's. */
const FIGURE_COLUMNS: readonly ExportColumn[] = [
  col('id', c.id),
  col('indicator', c.indicator),
  col('subject', c.subject),
  col('value', c.value),
  col('unit', c.unit),
  col('qualifier', c.qualifier),
  col('value_base', t.provenance.baseValue),
  col('base_unit', t.pivot.exportColumns.baseUnit),
  col('kind', c.kind),
  col('category', c.category),
  col('period', c.period),
  col('period_start', c.periodStart),
  col('period_end', c.periodEnd),
  // Meaning: how the figure may be aggregated, which fact it states, which total it is part of.
  col('agg', c.agg),
  col('fact_id', c.factId),
  col('part_of', c.partOf),
  // Provenance: where the number stands in which document.
  col('section', c.section),
  col('section_title', c.sectionTitle),
  col('line', c.line),
  col('start', c.start),
  col('end', c.end),
  col('quote', c.quote),
  col('doc_id', c.docId),
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
