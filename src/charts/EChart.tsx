import { useCallback, useEffect, useRef, useState } from 'react';
import { ChartExportMenu, type ChartExportSpec } from '../export/ChartExportMenu';
import { echarts, type ChartOption, type ECharts } from './echarts';
import { CHART_RENDERED_EVENT } from './events';
import { whenIdle } from '../lib/idle';
import { useExposure } from './exposure';

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
  /**
   * Names the option's content: a new option object with the same key as the one on screen is not drawn again
   * (a filter click rebuilds every option; most charts' content is unchanged by many clicks).
   */
  contentKey?: string;
  /**
   * Kept on the page but not shown (display: none), its instance alive: showing it again costs an update, not a
   * new chart. Nothing is drawn while hidden.
   */
  hidden?: boolean;
  /**
   * Draw even while far from the viewport (for charts read as files while off screen, like the deck's). By
   * default a chart is created once it comes near the viewport and skips updates while away from it.
   */
  eager?: boolean;
}

let firstChartMarked = false;

/** Option parts replaced wholesale on update, so that removed series, axes, legends or maps disappear. */
const REPLACEABLE = ['series', 'xAxis', 'yAxis', 'grid', 'legend', 'title', 'visualMap'] as const;

// An automation hook: tests and the benchmark read what a chart shows through ECharts itself, not pixels.
(window as unknown as { __figuresBoardChart?: (el: Element) => ECharts | undefined }).__figuresBoardChart = (el) =>
  echarts.getInstanceByDom(el as HTMLElement);

/**
 * The one owner of an ECharts instance: init when first near the viewport (or at once when `eager`), `setOption`
 * on change (series, axes, legends replaced, so removed ones disappear) — at once on screen, when idle just off
 * it, and not at all far from it until it comes near — resize with its container, dispose on unmount.
 */
export function EChart({
  option, height, label, onClick, chartId, exportSpec, contentKey, hidden = false, eager = false,
}: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickHandler = useRef(onClick);
  const drawnKeys = useRef<Set<string>>(new Set());
  const drawnOption = useRef<ChartOption | null>(null);
  const drawnKey = useRef<string | undefined>(undefined);
  /** The size the instance was last given. */
  const size = useRef({ width: 0, height: 0 });
  const exposure = useExposure(container, eager, hidden);
  // Created when first near the viewport, then kept (scrolling away does not throw the drawing away).
  const [created, setCreated] = useState(exposure !== 'far');
  if (!created && exposure !== 'far') setCreated(true);

  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = container.current;
    if (!element || !created) return;
    // Sizes are handed to ECharts rather than read by it: its own reads (clientWidth, computed style, offsets)
    // each force a page layout, once per chart per update. One read here, then the ResizeObserver's sizes.
    const initial = { width: element.clientWidth, height: element.clientHeight };
    size.current = initial;
    const instance = echarts.init(element, undefined, { renderer: 'svg', ...initial });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { name?: string; seriesName?: string; data?: unknown };
      clickHandler.current?.({ name: p.name ?? '', seriesName: p.seriesName, data: p.data });
    });
    const observer = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      // Nothing to draw into while hidden (0 × 0): keep the size it will have again when shown.
      if (!box || (box.width === 0 && box.height === 0)) return;
      if (box.width === size.current.width && box.height === size.current.height) return;
      size.current = { width: box.width, height: box.height };
      instance.resize(size.current);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      drawnOption.current = null;
      drawnKey.current = undefined;
      drawnKeys.current = new Set();
    };
  }, [created]);

  useEffect(() => {
    const instance = chart.current;
    if (drawnOption.current === option) return;
    // Marks an option left waiting (off screen, or no instance yet), for whoever must know what is current.
    const leaveWaiting = () => container.current?.setAttribute('data-pending', '');
    if (!instance || exposure === 'far') {
      leaveWaiting();
      return;
    }
    const announce = () =>
      container.current?.dispatchEvent(new CustomEvent(CHART_RENDERED_EVENT, { bubbles: true }));
    if (contentKey !== undefined && contentKey === drawnKey.current && size.current.height === height) {
      // Same content at the same size: what is on screen is already the answer.
      drawnOption.current = option;
      container.current?.removeAttribute('data-pending');
      announce();
      return;
    }
    const draw = () => {
      // Listen before drawing: without animation ECharts fires 'finished' inside setOption itself.
      instance.on('finished', function onFinished() {
        instance.off('finished', onFinished);
        announce();
      });
      if (!firstChartMarked) {
        firstChartMarked = true;
        instance.on('finished', function markFirst() {
          instance.off('finished', markFirst);
          performance.mark('figures-board:first-chart');
        });
      }
      // Replace the parts an option defines (or the last one did), merge the rest: a full `notMerge` would
      // rebuild the tooltip component on every update, and its constructor forces a page layout (~25 ms a click).
      const present = REPLACEABLE.filter((key) => key in option || drawnKeys.current.has(key));
      drawnKeys.current = new Set(REPLACEABLE.filter((key) => key in option));
      if (size.current.height === height) {
        instance.setOption(option, { replaceMerge: present });
      } else {
        // A new height comes with the new option: draw once, at the new size (ECharts applies a lazy option in
        // the resize that follows), instead of at the old size and again when the container has grown.
        size.current = { width: size.current.width, height };
        instance.setOption(option, { replaceMerge: present, lazyUpdate: true });
        instance.resize(size.current);
      }
      // Only once drawn: an option that failed to draw is tried again on the next update.
      drawnOption.current = option;
      drawnKey.current = contentKey;
      container.current?.removeAttribute('data-pending');
    };
    // On screen: now. Just off screen: once the page is idle, so it is ready before it scrolls in.
    if (exposure === 'visible') {
      draw();
      return;
    }
    leaveWaiting();
    return whenIdle(draw);
  }, [option, contentKey, height, exposure, created]);

  const getInstance = useCallback(() => chart.current, []);
  const view = (
    <div
      ref={container}
      className="echart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-chart={chartId}
      hidden={hidden && !exportSpec}
    />
  );
  if (!exportSpec) return view;
  return (
    <div className="echart-with-export" hidden={hidden}>
      <ChartExportMenu spec={exportSpec} chartId={chartId ?? label} getInstance={getInstance} />
      {view}
    </div>
  );
}

/** The live instance of the chart drawn as `[data-chart=chartId]`, if it is on the page and drawn (for deck exports). */
export function chartInstance(chartId: string): ECharts | undefined {
  const element = document.querySelector(`[data-chart="${CSS.escape(chartId)}"]`);
  return element instanceof HTMLElement ? echarts.getInstanceByDom(element) : undefined;
}
