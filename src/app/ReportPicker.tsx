import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { t } from '../i18n/zh';
import { documentTitles, type DocumentTitles } from '../views/shared/value-label';
import { documentsOptions, type FigureFilters } from '../queries';
import { useRunner } from './engine-context';

export interface ReportPickerProps {
  filters: FigureFilters;
  onChange: (filters: FigureFilters) => void;
}

/**
 * Which reports the filtered views show: all (no filter), one or several. Shown once the workspace holds more
 * than one report; it sets the `doc_id` filter, so links carry the choice.
 */
export function ReportPicker({ filters, onChange }: ReportPickerProps) {
  const runner = useRunner();
  const documents = useQuery(documentsOptions(runner));
  const shown = (documents.data ?? []).filter((d) => !d.hidden);
  if (shown.length < 2) return null;
  const picked = filters.doc_id;
  const toggle = (docId: string) =>
    onChange({ ...filters, doc_id: picked.includes(docId) ? picked.filter((d) => d !== docId) : [...picked, docId] });
  const label = picked.length === 0 ? t.reports.pickerAll(shown.length)
    : picked.length === 1 ? (shown.find((d) => d.doc_id === picked[0])?.title ?? picked[0])
      : t.reports.pickerSome(picked.length);
  return (
    <details className="report-picker" data-testid="report-picker">
      <summary><span className="muted">{t.reports.picker}：</span>{label}</summary>
      <fieldset>
        <legend className="visually-hidden">{t.reports.picker}</legend>
        <label>
          <input type="checkbox" checked={picked.length === 0} onChange={() => onChange({ ...filters, doc_id: [] })} />
          {t.reports.pickerAll(shown.length)}
        </label>
        {shown.map((d) => (
          <label key={d.doc_id}>
            <input type="checkbox" checked={picked.includes(d.doc_id)} onChange={() => toggle(d.doc_id)} />
            <span>{d.title}</span> <span className="muted">{d.place} · {d.published}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** doc_id → title of the workspace's documents (empty until they are known: labels then show the id). */
export function useDocumentTitles(): DocumentTitles {
  const documents = useQuery(documentsOptions(useRunner()));
  return useMemo(() => documentTitles(documents.data ?? []), [documents.data]);
}
