import type { FigureRecord } from '../../data/figure-record';
import { estimateWidth } from '../../charts/text-measure';
import { chooseScale, formatAsWritten, formatNumber, formatScaled, scaled, unitLabel } from '../../lib/format';
import { baseOption, shortLabel, tooltipHtml } from '../options-common';
import { figureLabels } from './figure-label';

export interface FigureBarsSettings {
  title: string;
  /** Every figure must have this base unit: one axis, one scale. */
  baseUnit: string;
  /** Compact layout for overview panels. */
  compact?: boolean;
}

/** A bar's data item: the value in the axis scale, the figure id that a click opens, and the bar's label. */
export interface FigureBarDatum {
  value: number;
  figureId: string;
  /** The figure as the report writes it (56.2万元, 900余家), whatever scale the axis is in. */
  valueText: string;
}

/** The axis unit a set of same-unit figures is drawn in (亿元 for large amounts). */
export function figureBarsUnit(figures: readonly FigureRecord[], baseUnit: string): string {
  return unitLabel(baseUnit, chooseScale(figures.map((f) => f.value_base), baseUnit));
}

/**
 * The category labels of one chart's bars, alike in every chart: the indicator, with the subject only where
 * bars of one indicator differ by subject (到位资金·高新区 beside 到位资金·生态城). No chart leaves a subject
 * to be guessed from its own mix, so small multiples side by side read the same way; the tooltip names
 * every bar's subject. Labels left equal are told apart as {@link figureLabels} does.
 */
export function barLabels(figures: readonly FigureRecord[]): string[] {
  const subjects = new Map<string, Set<string>>();
  for (const f of figures) {
    const indicator = f.indicator || f.unit;
    subjects.set(indicator, (subjects.get(indicator) ?? new Set()).add(f.subject));
  }
  // With no subject left, figureLabels adds none; it still separates equal labels by period or section.
  return figureLabels(
    figures.map((f) => {
      const indicator = f.indicator || f.unit;
      const named = f.subject !== '' && (subjects.get(indicator)?.size ?? 0) > 1;
      return { ...f, indicator: named ? `${indicator}·${f.subject}` : indicator, subject: '' };
    }),
  );
}

/** Room right of the grid for value labels drawn past the ends of the bars. */
export function valueLabelRoom(texts: readonly string[], least: number): number {
  return Math.max(least, ...texts.map((text) => Math.ceil(estimateWidth(text, '12px') + 16)));
}

/**
 * Sorted horizontal bars of individual figures sharing one base unit, largest on top, in one 万/亿 scale
 * named in the axis. Each bar is labelled with its figure as written (56.2万元 on a 亿元 axis, 900余家), so
 * no label rounds a small figure to 0.01 of the chart's scale or drops its qualifier. Mixing units is a
 * programming error: the caller splits into small multiples.
 */
export function buildFigureBarsOption(figures: readonly FigureRecord[], settings: FigureBarsSettings) {
  const mixed = figures.find((f) => f.base_unit !== settings.baseUnit);
  if (mixed) {
    throw new Error(`Cannot draw ${mixed.base_unit} on a ${settings.baseUnit} axis (figure ${mixed.id})`);
  }
  const sorted = [...figures].sort((a, b) => a.value_base - b.value_base || b.start - a.start);
  const scale = chooseScale(sorted.map((f) => f.value_base), settings.baseUnit);
  const unit = unitLabel(settings.baseUnit, scale);
  const labels = barLabels(sorted);
  const data: FigureBarDatum[] = sorted.map((f) => ({
    value: scaled(f.value_base, scale),
    figureId: f.id,
    valueText: formatAsWritten(f),
  }));
  const byId = new Map(sorted.map((f) => [f.id, f]));
  const compact = settings.compact ?? false;
  // The figure on the axis's scale, where that is not the number the report writes (56.2万元 → 0.0056亿元).
  const onAxis = (f: FigureRecord) => {
    const shown = f.value_base / scale.divisor;
    if (Math.abs(shown - f.value) <= 1e-9 * Math.max(1, Math.abs(f.value))) return '';
    return `（${formatScaled(f.value_base, f.base_unit, scale, f.qualifier)}）`;
  };
  return {
    ...baseOption(settings.title),
    title: compact ? undefined : { text: settings.title, left: 0, textStyle: { fontSize: 15, fontWeight: 600 } },
    grid: { left: 8, right: valueLabelRoom(data.map((d) => d.valueText), 72), top: compact ? 8 : 40, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data: FigureBarDatum }) => {
        const f = byId.get(p.data.figureId);
        if (!f) return '';
        return tooltipHtml([f.indicator, `${formatAsWritten(f)}${onAxis(f)}`, f.subject, f.period, f.quote], true);
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
        label: { show: true, position: 'right', formatter: (p: { data: FigureBarDatum }) => p.data.valueText },
        cursor: 'pointer',
      },
    ],
  };
}
