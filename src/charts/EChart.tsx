import { useCallback, useEffect, useRef } from 'react';
import { ChartExportMenu, type ChartExportSpec } from '../export/ChartExportMenu';
import { echarts, type ChartOption, type ECharts } from './echarts';

/** What a click on a chart element reports (series data item and its name). */
export interface ChartClick {
  name: string;
  seriesName?: string;
  data: unknown;
}

export interface EChartProps {
  option: ChartOption;
  /** Pixel height; the width follows the container. */
  height: number;
  /** Accessible name of the chart (its title). */
  label: string;
  onClick?: (event: ChartClick) => void;
  /** A stable name for tests and exports (`data-chart`). */
  chartId?: string;
  /** Title, unit, figures or rows for the export menu (PNG/SVG/copy/CSV/XLSX/钉到演示); no menu without it. */
  exportSpec?: ChartExportSpec;
}

let firstChartMarked = false;

/** Option parts replaced wholesale on update, so that removed series, axes, legends or maps disappear. */
const REPLACEABLE = ['series', 'xAxis', 'yAxis', 'grid', 'legend', 'title', 'visualMap'] as const;

// An automation hook: tests and the benchmark read what a chart shows through ECharts itself, not pixels.
(window as unknown as { __figuresBoardChart?: (el: Element) => ECharts | undefined }).__figuresBoardChart = (el) =>
  echarts.getInstanceByDom(el as HTMLElement);

/**
 * The one owner of an ECharts instance: init on mount, `setOption` on change (series, axes, legends replaced,
 * so removed ones disappear), resize with its container, dispose on unmount.
 */
export function EChart({ option, height, label, onClick, chartId, exportSpec }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickHandler = useRef(onClick);
  const drawnKeys = useRef<Set<string>>(new Set());

  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { name?: string; seriesName?: string; data?: unknown };
      clickHandler.current?.({ name: p.name ?? '', seriesName: p.seriesName, data: p.data });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    // Listen before drawing: without animation ECharts fires 'finished' inside setOption itself.
    instance.on('finished', function announce() {
      instance.off('finished', announce);
      container.current?.dispatchEvent(new CustomEvent('figures-board:chart-rendered', { bubbles: true }));
    });
    if (!firstChartMarked) {
      firstChartMarked = true;
      instance.on('finished', function markFirst() {
        instance.off('finished', markFirst);
        performance.mark('figures-board:first-chart');
      });
    }
    // Replace the parts an option defines (or the last one did), merge the rest: a full `notMerge` would rebuild
    // the tooltip component on every update, and its constructor forces a page layout (~25 ms a click).
    const present = REPLACEABLE.filter((key) => key in option || drawnKeys.current.has(key));
    instance.setOption(option, { replaceMerge: present });
    drawnKeys.current = new Set(REPLACEABLE.filter((key) => key in option));
  }, [option]);

  const getInstance = useCallback(() => chart.current, []);
  const view = (
    <div
      ref={container}
      className="echart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-chart={chartId}
    />
  );
  if (!exportSpec) return view;
  return (
    <div className="echart-with-export">
      <ChartExportMenu spec={exportSpec} chartId={chartId ?? label} getInstance={getInstance} />
      {view}
    </div>
  );
}

/** The live instance of the chart drawn as `[data-chart=chartId]`, if it is on the page (for deck exports). */
export function chartInstance(chartId: string): ECharts | undefined {
  const element = document.querySelector(`[data-chart="${CSS.escape(chartId)}"]`);
  return element instanceof HTMLElement ? echarts.getInstanceByDom(element) : undefined;
}
