import type { FigureRecord } from '../../data/figure-record';
import type { ChartExportSpec } from '../../export/ChartExportMenu';
import { groupsExportSpec } from '../../export/group-table';
import { t } from '../../i18n/zh';
import type { Dimension, GroupRow } from '../../queries';
import { buildFigureBarsOption, figureBarsUnit } from '../shared/figure-bars-option';
import { buildGroupedBarsOption } from './grouped-bars-option';
import { BARS_PER_UNIT } from './limits';
import type { FigurePair } from './pairs';
import { buildPairsOption } from './pairs-option';
import { splitByUnit, type UnitGroup } from './small-multiples';
import { buildTreemapOption, treemapComposition } from './treemap-option';
import type { DocumentTitles } from '../shared/value-label';

// The compare charts as both the compare view and the deck draw them: one source, so a slide can never
// drift from the chart it was pinned from.

const unitName = (baseUnit: string) => t.baseUnits[baseUnit] ?? baseUnit;

/** Title of the sorted bars of one base unit, naming the scale drawn (人民币（单位：亿元）). */
export const barsTitle = (baseUnit: string, unit: string) => t.compare.barsTitle(unitName(baseUnit), unit);
/** Title of the grouped sums of one base unit (按主体汇总：人民币). */
export const groupsTitle = (by: Dimension, baseUnit: string) => t.compare.groupsTitle(t.dimensions[by], unitName(baseUnit));
/** Title of the CNY treemap of `n` figures of one indicator (and period). */
export const treemapTitle = (n: number, indicator: string, period: string) => t.compare.treemapTitle(n, indicator, period);
/** Title of the before/after pairs of one base unit. */
export const pairsTitle = (baseUnit: string) => t.compare.pairsTitle(unitName(baseUnit));

/** The series the grouped sums are split by: kind when grouping by category, else category. */
export const groupsSeries = (by: Dimension): Dimension => (by === 'category' ? 'kind' : 'category');

/** One sorted-bars small multiple: the largest figures of a base unit. */
export interface CompareBarsChart extends UnitGroup {
  title: string;
  /** The unit the bars are drawn in (亿元). */
  unit: string;
  option: ReturnType<typeof buildFigureBarsOption>;
  /** Pixel height: room for every bar. */
  height: number;
  /** Names the chart's content: the figures drawn, in order (a figure's values never change under its id). */
  contentKey: string;
}

/**
 * The sorted bars of the compared figures (largest first), one chart per base unit; `totals` are the units'
 * counts when `figures` are only the largest of the selection.
 */
export function compareBarsCharts(figures: readonly FigureRecord[], totals?: Readonly<Record<string, number>>): CompareBarsChart[] {
  return splitByUnit(figures, BARS_PER_UNIT, totals).map((group) => {
    const unit = figureBarsUnit(group.figures, group.baseUnit);
    const title = barsTitle(group.baseUnit, unit);
    const option = buildFigureBarsOption(group.figures, { title, baseUnit: group.baseUnit });
    const contentKey = JSON.stringify(group.figures.map((f) => f.id));
    return { ...group, title, unit, option, height: 70 + group.figures.length * 26, contentKey };
  });
}

/** One grouped-sums chart; `spec` carries the exact sums as its export rows. */
export interface CompareGroupsChart {
  baseUnit: string;
  title: string;
  option: ReturnType<typeof buildGroupedBarsOption>;
  spec: ChartExportSpec;
  height: number;
}

/** A base unit none of whose groups may be added: said in words instead of an empty chart. */
export interface RefusedUnit {
  baseUnit: string;
  /** The unit's name (百分比, 岁 …). */
  unit: string;
  facts: number;
  /** Why, each reason once (codes of SUM_REFUSALS). */
  reasons: string[];
}

/**
 * The grouped sums of `rows` (grouped by `by`, split by `groupsSeries(by)`), one chart per base unit in the
 * order the rows list them; `figures` are the figures summed (period and source of the export). A unit whose
 * every group is refused gets no chart (it would be an empty axis) but a `refused` entry saying why.
 */
export function compareGroupsCharts(
  rows: readonly GroupRow[], by: Dimension, figures: readonly FigureRecord[], titles: DocumentTitles = new Map(),
): { charts: CompareGroupsChart[]; refused: RefusedUnit[] } {
  const units = [...new Set(rows.map((r) => r.base_unit))];
  const ofUnit = (baseUnit: string) => rows.filter((r) => r.base_unit === baseUnit);
  const drawable = units.filter((u) => ofUnit(u).some((r) => r.total !== null));
  const charts = drawable.map((baseUnit) => {
    const title = groupsTitle(by, baseUnit);
    return {
      baseUnit,
      title,
      option: buildGroupedBarsOption(rows, { title, baseUnit, byDimension: by, seriesDimension: groupsSeries(by), titles }),
      spec: groupsExportSpec(title, baseUnit, rows, figures, by, groupsSeries(by), titles),
      height: 340,
    };
  });
  const refused = units.filter((u) => !drawable.includes(u)).map((baseUnit) => ({
    baseUnit,
    unit: unitName(baseUnit),
    facts: ofUnit(baseUnit).reduce((n, r) => n + r.count, 0),
    reasons: [...new Set(ofUnit(baseUnit).flatMap((r) => (r.refused ? [r.refused] : [])))],
  }));
  return { charts, refused };
}

/**
 * The composition treemap of the compared figures: the largest set of them that may be added (one unit,
 * indicator and period, or a total drawn as its parts); null when no two of them may be added.
 */
export function compareTreemap(figures: readonly FigureRecord[]) {
  const composition = treemapComposition(figures);
  if (!composition) return null;
  const { figures: drawn, indicator, period } = composition;
  const option = buildTreemapOption(composition, treemapTitle(drawn.length, indicator, period));
  const spec: ChartExportSpec = { title: option.title.text, unit: option.series[0]?.name, figures: drawn };
  return { figures: drawn, option, spec, height: 460, composition };
}

/** One before/after chart: the pairs of a base unit. */
export interface ComparePairsChart {
  baseUnit: string;
  title: string;
  option: ReturnType<typeof buildPairsOption>;
  /** The figures drawn, each pair's before then after. */
  figures: FigureRecord[];
  height: number;
}

/** The before/after pairs, one chart per base unit (of the earlier figure) in the order first found. */
export function comparePairsCharts(pairs: readonly FigurePair[]): ComparePairsChart[] {
  return [...new Set(pairs.map((p) => p.before.base_unit))].map((baseUnit) => {
    const own = pairs.filter((p) => p.before.base_unit === baseUnit);
    const title = pairsTitle(baseUnit);
    return {
      baseUnit,
      title,
      option: buildPairsOption(pairs, baseUnit, title),
      figures: own.flatMap((p) => [p.before, p.after]),
      height: 90 + own.length * 48,
    };
  });
}
