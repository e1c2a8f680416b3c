import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FigureRecord } from '../data/figure-record';
import { t } from '../i18n/zh';
import { useRunner } from '../app/engine-context';
import { documentsOptions } from '../queries';
import { toCsv } from './csv';
import { safeFileName } from './file-name';
import { downloadBlob } from './image';
import { figuresTable } from './table';
import { toXlsx } from './xlsx';

/** CSV and XLSX downloads of a table's rows (with provenance columns), named after its title. */
export function TableExportButtons({ title, figures }: { title: string; figures: readonly FigureRecord[] }) {
  const documents = useQuery(documentsOptions(useRunner()));
  const [error, setError] = useState('');
  const table = () => figuresTable(figures, documents.data ?? []);
  const run = (work: () => Promise<void> | void) => async () => {
    try {
      setError('');
      await work();
    } catch (cause) {
      setError(`${t.exporter.failed}${cause instanceof Error ? cause.message : String(cause)}`);
    }
  };
  return (
    <span className="table-export" data-export-for="table">
      <button type="button" onClick={run(() => downloadBlob(new Blob([toCsv(table())], { type: 'text/csv;charset=utf-8' }), safeFileName(title, 'csv')))}>
        {t.exporter.csv}
      </button>
      <button type="button" onClick={run(async () => downloadBlob(new Blob([await toXlsx(table(), title)]), safeFileName(title, 'xlsx')))}>
        {t.exporter.xlsx}
      </button>
      {error && <span className="export-status" role="status">{error}</span>}
    </span>
  );
}
