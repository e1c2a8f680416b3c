import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ECharts } from '../charts/echarts';
import type { FigureRecord } from '../data/figure-record';
import { t } from '../i18n/zh';
import { useRunner } from '../app/engine-context';
import { pageSearch } from '../app/useAppState';
import { documentsOptions } from '../queries';
import { chartImageMeta } from './chart-meta';
import { toCsv } from './csv';
import { deck } from './deck-store';
import { slideQuery } from './deck-codec';
import { safeFileName } from './file-name';
import { chartSvg, copyPng, downloadBlob, PNG_SCALES, svgToPng } from './image';
import { figuresTable, type ExportTable } from './table';
import { toXlsx } from './xlsx';

/** What a chart tells its export menu: the metadata lines of its images and the data behind it. */
export interface ChartExportSpec {
  title: string;
  /** The unit the chart is drawn in (亿元). */
  unit?: string;
  /** The figures drawn: give the period, the source line and (with provenance) the CSV/XLSX rows. */
  figures?: readonly FigureRecord[];
  /** The data rows when they are not plain figures (sums, pivots); `figures` still give period and source. */
  table?: ExportTable;
  /** Offer 钉到演示 (default true; the deck's own charts say false). */
  pinnable?: boolean;
}

export interface ChartExportMenuProps {
  spec: ChartExportSpec;
  chartId: string;
  /** The live instance the images come from. */
  getInstance: () => ECharts | null;
}

/** The export toolbar of one chart: PNG 1×/2×/3×, SVG, copy image, CSV, XLSX and 钉到演示. */
export function ChartExportMenu({ spec, chartId, getInstance }: ChartExportMenuProps) {
  const documents = useQuery(documentsOptions(useRunner()));
  const [transparent, setTransparent] = useState(false);
  const [showMeta, setShowMeta] = useState(true);
  const [status, setStatus] = useState('');
  // The actions exist only while the menu is open: a chart re-drawn by a filter re-renders its closed menu as
  // one <summary>, not a dozen controls, and the page carries no hidden controls per chart.
  const [open, setOpen] = useState(false);
  const s = t.exporter;

  const image = () => {
    const instance = getInstance();
    if (!instance) throw new Error(s.noChart);
    const meta = chartImageMeta(spec, documents.data ?? []);
    return chartSvg(instance, { meta, showMeta, transparent });
  };
  const table = () => spec.table ?? figuresTable(spec.figures ?? [], documents.data ?? []);
  const act = (work: () => Promise<string | void> | string | void) => async () => {
    try {
      setStatus((await work()) ?? '');
    } catch (error) {
      setStatus(`${s.failed}${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const save = (blob: Blob, ext: string) => downloadBlob(blob, safeFileName(spec.title, ext));

  return (
    <details className="export-menu" data-export-for={chartId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{s.menu}</summary>
      {open && (
        <div className="export-actions">
          <span className="export-group">
            {PNG_SCALES.map((scale) => (
              <button key={scale} type="button" onClick={act(async () => save(await svgToPng(image(), scale), 'png'))}>
                PNG {scale}×
              </button>
            ))}
            <button type="button" onClick={act(() => save(new Blob([image().svg], { type: 'image/svg+xml' }), 'svg'))}>SVG</button>
            <button type="button" onClick={act(async () => {
              await copyPng(svgToPng(image(), 2));
              return s.copied;
            })}>{s.copy}</button>
          </span>
          <label><input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} />{s.transparent}</label>
          <label><input type="checkbox" checked={showMeta} onChange={(e) => setShowMeta(e.target.checked)} />{s.showMeta}</label>
          <span className="export-group">
            <button type="button" onClick={act(() => save(new Blob([toCsv(table())], { type: 'text/csv;charset=utf-8' }), 'csv'))}>CSV</button>
            <button type="button" onClick={act(async () => save(new Blob([await toXlsx(table(), spec.title)], {
              type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            }), 'xlsx'))}>XLSX</button>
            {spec.pinnable !== false && (
              <button type="button" onClick={act(() => {
                deck.add({ chartId, title: spec.title, query: slideQuery(pageSearch()) });
                return s.pinned(deck.getSnapshot().slides.length);
              })}>{s.pin}</button>
            )}
          </span>
          {status && <span className="export-status" role="status">{status}</span>}
        </div>
      )}
    </details>
  );
}
