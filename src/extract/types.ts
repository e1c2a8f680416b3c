/**
 * Shared types and constants of the figure extractor: the `figures.csv` contract.
 */
import type { Basis } from './basis';
import type { Scanned } from './scanNumbers';

/**
 * The figures schema, declared once: every column of `figures.csv` in order, with its DuckDB type. The extractor
 * writes these fields, the engine's table is created with these types, the app reads records by them, and the
 * CSV writer and the exports list them in this order.
 */
export const FIGURE_SCHEMA = {
  id: 'VARCHAR',
  doc_id: 'VARCHAR',
  line: 'INTEGER',
  start: 'INTEGER',
  end: 'INTEGER',
  section: 'VARCHAR',
  section_title: 'VARCHAR',
  value: 'DECIMAL(24,6)',
  unit: 'VARCHAR',
  qualifier: 'VARCHAR',
  value_base: 'DECIMAL(38,6)',
  base_unit: 'VARCHAR',
  kind: 'VARCHAR',
  agg: 'VARCHAR',
  period: 'VARCHAR',
  period_start: 'VARCHAR',
  period_end: 'VARCHAR',
  fact_id: 'VARCHAR',
  mention: 'INTEGER',
  part_of: 'VARCHAR',
  parts: 'INTEGER',
  category: 'VARCHAR',
  indicator: 'VARCHAR',
  subject: 'VARCHAR',
  metric: 'VARCHAR',
  basis: 'VARCHAR',
  data_year: 'INTEGER',
  place: 'VARCHAR',
  quote: 'VARCHAR',
} as const;

/** Ordered column list of `figures.csv`; every {@link FigureRow} has exactly these fields. */
export const FIGURE_COLUMNS = Object.keys(FIGURE_SCHEMA) as readonly (keyof typeof FIGURE_SCHEMA)[];

/** The columns that hold numbers (the rest are text). */
export const NUMERIC_FIGURE_COLUMNS = FIGURE_COLUMNS.filter((c) => FIGURE_SCHEMA[c] !== 'VARCHAR');

/** One column name of `figures.csv`. */
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** Topic categories a figure may fall into. */
export const CATEGORIES = [
  'investment',
  'projects',
  'enterprises',
  'talent',
  'infrastructure',
  'education',
  'health',
  'industry_output',
  'finance_debt',
  'governance',
  'party_building',
  'discipline',
  'other',
] as const;

/** One topic category. */
export type Category = (typeof CATEGORIES)[number];

/**
 * What sort of quantity a figure is. The first seven are the ones the genre needs; `duration` and
 * `quantity` (physical measures such as 吨 or 公里) exist so that other reports do not go unaccounted.
 */
export const KINDS = [
  'amount',
  'count',
  'area',
  'percent_share',
  'growth_rate',
  'age',
  'ratio',
  'duration',
  'quantity',
] as const;

/** One kind of quantity. */
export type Kind = (typeof KINDS)[number];

/**
 * How a figure may be aggregated: `additive` (flows and counts of disjoint things: may be summed),
 * `stock` (a level at a date: may be summed across disjoint subjects, never across periods),
 * `non_additive` (rates, shares, growth, ages, averages, per-capita values, ratios, thresholds: never summed).
 */
export const AGGREGATION_CLASSES = ['additive', 'stock', 'non_additive'] as const;

/** One aggregation class. */
export type AggregationClass = (typeof AGGREGATION_CLASSES)[number];

/** Qualifiers as they appear in `figures.csv` (text forms are normalised to these). */
export const QUALIFIERS = ['约', '余', '多', '以上', '以下', '近', '超', '不足'] as const;

/** One extracted figure: a number with its unit, normalised value and provenance. */
export interface FigureRow {
  id: string;
  doc_id: string;
  /** 1-based line number, lines split on `\n`. */
  line: number;
  /** Offset (JavaScript string index) of the number's first character. */
  start: number;
  /** Offset just past the unit; `text.slice(start, end)` is the number and its unit. */
  end: number;
  section: string;
  section_title: string;
  /** The number in the written unit, as a plain decimal (1,215 → 1215; full-width digits → ASCII). */
  value: string;
  /** The unit as written (magnitude included, qualifier excluded). */
  unit: string;
  qualifier: string;
  /** The value multiplied out into `base_unit`, as an exact decimal string. */
  value_base: string;
  /**
   * The unit of comparison: values of one base unit may share an axis or an aggregate. Money, areas and
   * physical measures convert to one unit (CNY, m2, t …); a count keeps its measure word (家, 个, 项, 次 …),
   * except where an equivalence is declared (人/名/位 are all `person`).
   */
  base_unit: string;
  kind: Kind;
  agg: AggregationClass;
  /** The period's canonical label (every spelling of one period reads the same), or empty. */
  period: string;
  /** ISO date the period begins; empty for a point in time (截至…) or no period. */
  period_start: string;
  /** ISO date the period ends, or empty. */
  period_end: string;
  /** The id of the first mention of the fact this figure states (its own id when it is the first). */
  fact_id: string;
  /** Which mention of its fact this is: 1 for the first (the one aggregates count), 2, 3 … for restatements. */
  mention: number;
  /** The fact id of the total this figure is a stated part of (其中…, 分别…), or empty. */
  part_of: string;
  /** How many stated parts this figure's fact has (0 for most figures). */
  parts: number;
  category: Category;
  indicator: string;
  subject: string;
  /** The canonical metric it states (data/metrics.csv), or empty. */
  metric: string;
  /** What its value is: an outcome, a goal, an estimate or a plan period's total (see basis.ts). */
  basis: Basis;
  /** The year its value describes, or null when nothing dates it. */
  data_year: number | null;
  /** The place it is about: the document's, unless the text names another (a zone). */
  place: string;
  /** The verbatim clause containing the figure. */
  quote: string;
}

/** A reviewed correction of one field of one figure, keyed by document and start offset. */
export interface Override {
  doc_id: string;
  start: number;
  field: OverrideField;
  /** The corrected value, as text (a data year as its digits, no metric as ''). */
  value: string;
}

/** The fields a reviewed override may correct: naming, category, class, and the meaning across reports. */
export const OVERRIDE_FIELDS = ['indicator', 'subject', 'category', 'agg', 'metric', 'basis', 'data_year', 'place'] as const;
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];

/** Options of {@link extractFigures}. */
export interface ExtractOptions {
  /** Identifier of the document; prefixes every row id. */
  docId: string;
  /** ISO publication date; anchors relative periods such as 今年以来 or 目前. */
  published?: string;
  /** The place the document is about (海拉尔区); the title's jurisdiction when absent. */
  place?: string;
  /** The document's genre: a work report (`work_report`) reviews the year before it was delivered. */
  genre?: string;
  /** Default subject when a clause names none; derived from `title` (or the text's title line) when absent. */
  subject?: string;
  /** Title of the document, e.g. from documents.csv; its `…关于` head names the jurisdiction. */
  title?: string;
  /** Reviewed overrides; only those whose doc_id equals `docId` are applied. */
  overrides?: readonly Override[];
  /**
   * Start offsets of figures a reviewer excluded (not figures at all, e.g. a number in a name). They are left out
   * before ids, facts and parts are assigned; an offset that matches no figure throws, as a stale override does.
   */
  exclude?: readonly number[];
  /**
   * Start offsets of numbers a reviewer added as figures that a rule had excluded (a number the rules took for a
   * date, a code, a list number …): their exclusion is lifted, and they become figures with the unit that follows
   * them or, where none does, as a bare count (unit '', base unit `count`). An offset where no number starts throws.
   */
  include?: readonly number[];
  /** Called as the text's numbers are read (`done` of `total`), to show an extraction's progress. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The text's numbers as `scanNumbers(text, new Set(include))` reads them, when the caller has read them already
   * (the review reads them once for its figures, its coverage account and its list of numbers); read here otherwise.
   */
  numbers?: readonly Scanned[];
}
