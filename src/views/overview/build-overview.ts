import type { FigureRecord } from '../../data/figure-record';
import { distinctFacts } from '../../lib/additivity';
import { compareUnits, isCountUnit } from '../../lib/format';

/** A leadership theme: a panel that gathers one or more categories. */
export interface OverviewTheme {
  key: string;
  categories: readonly string[];
}

export const OVERVIEW_THEMES: readonly OverviewTheme[] = [
  { key: 'investment', categories: ['investment'] },
  { key: 'projects', categories: ['projects'] },
  { key: 'enterprises', categories: ['enterprises'] },
  { key: 'talent', categories: ['talent'] },
  { key: 'infrastructure', categories: ['infrastructure'] },
  { key: 'education_health', categories: ['education', 'health'] },
  { key: 'industry_finance', categories: ['industry_output', 'finance_debt'] },
  { key: 'discipline_party', categories: ['discipline', 'party_building'] },
];

/**
 * Units whose figures make headline cards and bar charts, in the order leaders read them (money, area, people,
 * then counts, the most used measure word first): every unit of the figures that may be added (no rates or ages).
 */
function headlineUnits(figures: readonly FigureRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const f of figures) if (f.agg !== 'non_additive') counts.set(f.base_unit, (counts.get(f.base_unit) ?? 0) + 1);
  // Among measure words, the one the theme uses most leads (企业 panels count 家 before 场).
  const measureWord = (u: string) => isCountUnit(u) && u !== 'person' && u !== 'person_time';
  return [...counts.keys()].sort((a, b) =>
    measureWord(a) && measureWord(b) ? (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || compareUnits(a, b) : compareUnits(a, b));
}
const KPI_LIMIT = 3;
const BARS_LIMIT = 8;

export interface OverviewChart {
  baseUnit: string;
  figures: FigureRecord[];
}

export interface OverviewPanel {
  theme: OverviewTheme;
  total: number;
  kpis: FigureRecord[];
  charts: OverviewChart[];
}

function byValueDesc(a: FigureRecord, b: FigureRecord): number {
  return b.value_base - a.value_base || a.start - b.start;
}

/**
 * Headline cards: the largest figure of each headline unit in turn (money first), round-robin until three
 * distinct indicators are chosen — so a panel shows its biggest amount and its biggest count side by side.
 */
export function pickKpis(figures: readonly FigureRecord[]): FigureRecord[] {
  const queues = headlineUnits(figures).map((unit) => figures.filter((f) => f.base_unit === unit && f.agg !== 'non_additive').sort(byValueDesc));
  const picked: FigureRecord[] = [];
  const indicators = new Set<string>();
  while (picked.length < KPI_LIMIT && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      let next = queue.shift();
      while (next && indicators.has(next.indicator)) next = queue.shift();
      if (!next || picked.length >= KPI_LIMIT) continue;
      picked.push(next);
      indicators.add(next.indicator);
    }
  }
  return picked;
}

/**
 * Up to two charts per theme: the two headline units with the most figures (at least two each), shown in
 * reading order — money before counts.
 */
export function pickCharts(figures: readonly FigureRecord[]): OverviewChart[] {
  const charts = headlineUnits(figures).map((baseUnit, rank) => ({
    baseUnit,
    rank,
    figures: figures.filter((f) => f.base_unit === baseUnit && f.agg !== 'non_additive').sort(byValueDesc),
  })).filter((c) => c.figures.length >= 2);
  return charts
    .sort((a, b) => b.figures.length - a.figures.length || a.rank - b.rank)
    .slice(0, 2)
    .sort((a, b) => a.rank - b.rank)
    .map(({ baseUnit, figures: own }) => ({ baseUnit, figures: own.slice(0, BARS_LIMIT) }));
}

/** The overview: one panel per theme, from the whole dataset, each fact once (a fact stated twice is one card). */
export function buildOverview(figures: readonly FigureRecord[]): OverviewPanel[] {
  const facts = distinctFacts(figures);
  return OVERVIEW_THEMES.map((theme) => {
    const own = facts.filter((f) => theme.categories.includes(f.category));
    return { theme, total: own.length, kpis: pickKpis(own), charts: pickCharts(own) };
  });
}

/** The report an overview is of: the one asked for when it is shown, else the first shown. */
export function overviewReport<T extends { doc_id: string; hidden: boolean }>(documents: readonly T[], docId: string | null): T | undefined {
  const shown = documents.filter((d) => !d.hidden);
  return shown.find((d) => d.doc_id === docId) ?? shown[0];
}

