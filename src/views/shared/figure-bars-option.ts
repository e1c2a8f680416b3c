import type { FigureRecord } from '../../data/figure-record';
import { chooseScale, formatAsWritten, formatNumber, scaled, unitLabel } from '../../lib/format';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';
import { figureLabels } from './figure-label';

export interface FigureBarsSettings {
  title: string;
  /** Every figure must have this base unit: one axis, one scale. */
  baseUnit: string;
  /** Compact layout for overview panels. */
  compact?: boolean;
}

/** A bar's data item: the scaled value plus the figure id that a click opens. */
export interface FigureBarDatum {
  value: number;
  figureId: string;
}

/** The axis unit a set of same-unit figures is drawn in (亿元 for large amounts). */
export function figureBarsUnit(figures: readonly FigureRecord[], baseUnit: string): string {
  return unitLabel(baseUnit, chooseScale(figures.map((f) => f.value_base), baseUnit));
}

/**
 * Sorted horizontal bars of individual figures sharing one base unit, largest on top, in one 万/亿 scale
 * named in the axis. Mixing units is a programming error: the caller splits into small multiples.
 */
export function buildFigureBarsOption(figures: readonly FigureRecord[], settings: FigureBarsSettings) {
  const mixed = figures.find((f) => f.base_unit !== settings.baseUnit);
  if (mixed) {
    throw new Error(`Cannot draw ${mixed.base_unit} on a ${settings.baseUnit} axis (figure ${mixed.id})`);
  }
  const sorted = [...figures].sort((a, b) => a.value_base - b.value_base || b.start - a.start);
  const scale = chooseScale(sorted.map((f) => f.value_base), settings.baseUnit);
  const unit = unitLabel(settings.baseUnit, scale);
  const labels = figureLabels(sorted);
  const data: FigureBarDatum[] = sorted.map((f) => ({ value: scaled(f.value_base, scale), figureId: f.id }));
  const byId = new Map(sorted.map((f) => [f.id, f]));
  const compact = settings.compact ?? false;
  return {
    ...baseOption(settings.title),
    title: compact ? undefined : { text: settings.title, left: 0, textStyle: { fontSize: 15, fontWeight: 600 } },
    grid: { left: 8, right: 72, top: compact ? 8 : 40, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data: FigureBarDatum }) => {
        const f = byId.get(p.data.figureId);
        if (!f) return '';
        return tooltipHtml(
          [f.indicator, `${formatAsWritten(f)}（${formatNumber(p.data.value, 4)}${unit}）`, f.subject, f.period, f.quote],
          true,
        );
      },
    },
    xAxis: {
      type: 'value',
      name: unit,
      nameLocation: 'end',
      splitNumber: compact ? 3 : 5,
      axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v) },
    },
    yAxis: {
      type: 'category',
      data: labels,
      axisLabel: { formatter: (v: string) => shortLabel(v, compact ? 12 : 18) },
    },
    series: [
      {
        type: 'bar',
        name: unit,
        data,
        barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value) },
        cursor: 'pointer',
      },
    ],
  };
}
