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

const FIGURE_COLUMNS: readonly ExportColumn[] = [
  { key: 'id', label: '编号', type: 'text' },
  { key: 'indicator', label: '指标', type: 'text' },
  { key: 'subject', label: '主体', type: 'text' },
  { key: 'value', label: '数值', type: 'number' },
  { key: 'unit', label: '单位', type: 'text' },
  { key: 'qualifier', label: '限定词', type: 'text' },
  { key: 'value_base', label: '折算值', type: 'number' },
  { key: 'base_unit', label: '折算单位', type: 'text' },
  { key: 'kind', label: '类型', type: 'text' },
  { key: 'category', label: '类别', type: 'text' },
  { key: 'period', label: '时期', type: 'text' },
  // Provenance: where the number stands in which document.
  { key: 'section', label: '章节', type: 'text' },
  { key: 'section_title', label: '章节标题', type: 'text' },
  { key: 'line', label: '行号', type: 'number' },
  { key: 'start', label: '起始位置', type: 'number' },
  { key: 'end', label: '结束位置', type: 'number' },
  { key: 'quote', label: '原文', type: 'text' },
  { key: 'doc_id', label: '文件编号', type: 'text' },
  { key: 'doc_title', label: '文件标题', type: 'text' },
  { key: 'publisher', label: t.provenance.publisher, type: 'text' },
  { key: 'published', label: t.provenance.published, type: 'text' },
  { key: 'url', label: '原文链接', type: 'text' },
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
        category: dimensionValueLabel('category', f.category), period: f.period, section: f.section,
        section_title: f.section_title, line: f.line, start: f.start, end: f.end, quote: f.quote, doc_id: f.doc_id,
        doc_title: doc?.title ?? '', publisher: doc?.publisher ?? '', published: doc?.published ?? '', url: doc?.url ?? '',
      };
    }),
  };
}
