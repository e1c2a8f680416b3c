/**
 * The canonical metrics: one registry of the economic indicators reports state under many names (地区生产总值,
 * 国内生产总值, GDP, 经济总量 are one metric), declared once here and written out as `data/metrics.csv` for review
 * (a test keeps the two equal). `metricOf` names the metric a figure states, from the words that lead up to it in
 * its sentence; no rule names a document or a place.
 */
import type { AggregationClass, Kind } from './types';

/** One canonical metric. */
export interface Metric {
  id: string;
  name_zh: string;
  name_en: string;
  /** The base unit its values are stated in (a figure of another base unit never states it). */
  base_unit: string;
  /** What its values are: a level (an amount, a count), a growth rate, or a rate/share. */
  measure: 'level' | 'growth' | 'rate';
  /** How its values may be aggregated: the same classes as the figures'. */
  agg: AggregationClass;
  /**
   * The phrasings that state it, as written (longest first when one holds another). For a growth metric these
   * are its level's phrasings: 地区生产总值增长8% states gdp_growth.
   */
  phrasings: readonly string[];
  /** Words written right before a phrasing that make it another indicator (人均地区生产总值 is not gdp). */
  not_after?: readonly string[];
  /** Other base units its values are stated in (实际使用外资 in 美元 or 元). */
  other_units?: readonly string[];
  /** A fall stated as a positive value: 能耗下降8.1% is an energy_intensity_reduction of 8.1. */
  stated_as_fall?: boolean;
  /** A goal of it is a ceiling (inflation of about 3%, unemployment within 4%): met at or below it. */
  goal_is_ceiling?: boolean;
  /** What it is not, for the analyst reading it. */
  scope_note: string;
}

const level = (
  id: string, name_zh: string, name_en: string, base_unit: string, agg: AggregationClass, phrasings: readonly string[],
  scope_note: string, extra: Partial<Metric> = {},
): Metric => ({ id, name_zh, name_en, base_unit, measure: 'level', agg, phrasings, scope_note, ...extra });

/** The growth rate of a level metric: same phrasings, percent. */
const growthOf = (m: Metric, scope_note = ''): Metric => ({
  id: `${m.id}_growth`, name_zh: `${m.name_zh}增长`, name_en: `${m.name_en} growth`, base_unit: 'percent', measure: 'growth',
  agg: 'non_additive', phrasings: m.phrasings, ...(m.not_after ? { not_after: m.not_after } : {}), scope_note,
});

const rate = (id: string, name_zh: string, name_en: string, phrasings: readonly string[], scope_note: string, extra: Partial<Metric> = {}): Metric =>
  ({ id, name_zh, name_en, base_unit: 'percent', measure: 'rate', agg: 'non_additive', phrasings, scope_note, ...extra });

const gdp = level('gdp', '地区生产总值', 'GDP', 'CNY', 'additive',
  ['地区生产总值', '国内生产总值', '全市生产总值', '全区生产总值', '全省生产总值', '生产总值', 'GDP', '经济总量'],
  '本地区的地区生产总值；人均生产总值和下辖片区的生产总值是其他指标。', { not_after: ['人均', '单位'] });
const publicBudgetRevenue = level('public_budget_revenue', '一般公共预算收入', 'General public budget revenue', 'CNY', 'additive',
  ['一般公共财政预算收入', '一般公共预算收入', '公共财政预算收入', '全国财政收入', '财政收入'],
  '不是财政总收入；全国层面的“全国财政收入”即一般公共预算收入。',
  { not_after: ['地方财政总', '财政总'] });
const fiscalTotalRevenue = level('fiscal_total_revenue', '财政总收入', 'Total fiscal revenue', 'CNY', 'additive',
  ['财政总收入'], '含上划上级的收入，不是一般公共预算收入；“地方财政总收入”为本级合计，口径见原文。');
const fixedAssetInvestment = level('fixed_asset_investment', '固定资产投资', 'Fixed-asset investment', 'CNY', 'additive',
  ['固定资产投资'], '本地区的固定资产投资（全社会或区本级，见原文）；工业等行业投资是其他指标。',
  { not_after: ['工业', '农业', '民间', '基础设施', '产业'] });
const retailSales = level('retail_sales', '社会消费品零售总额', 'Retail sales of consumer goods', 'CNY', 'additive',
  ['社会消费品零售总额', '社会消费品零售额'], '全地区的社会消费品零售总额；限额以上企业的零售额是其他指标。',
  { not_after: ['限额以上', '限上'] });

/** Every metric, in the order the registry lists them. */
export const METRICS: readonly Metric[] = [
  gdp, growthOf(gdp, '按可比价格计算：不等于两年名义数值之比。'),
  publicBudgetRevenue, growthOf(publicBudgetRevenue),
  fiscalTotalRevenue, growthOf(fiscalTotalRevenue),
  fixedAssetInvestment, growthOf(fixedAssetInvestment),
  retailSales, growthOf(retailSales),
  level('income_per_capita', '居民人均可支配收入', 'Disposable income per capita', 'CNY', 'non_additive',
    ['全体居民人均可支配收入', '居民人均可支配收入'], '全体居民；城镇和农村居民的收入是单独的指标。',
    { not_after: ['城镇', '城市', '农村', '农牧', '牧区', '常住'] }),
  level('urban_income_per_capita', '城镇居民人均可支配收入', 'Urban disposable income per capita', 'CNY', 'non_additive',
    ['城镇常住居民人均可支配收入', '城镇居民人均可支配收入', '城镇人均可支配收入', '城市居民人均可支配收入'], ''),
  level('rural_income_per_capita', '农村居民人均收入', 'Rural income per capita', 'CNY', 'non_additive',
    ['农村牧区常住居民人均可支配收入', '农村常住居民人均可支配收入', '农村居民人均可支配收入', '农牧民人均纯收入', '农民人均纯收入', '农民人均可支配收入', '农村居民人均纯收入'],
    '农民人均纯收入（2015年前）与农村居民人均可支配收入口径不同，见原文。'),
  level('new_urban_jobs', '城镇新增就业', 'New urban jobs', 'person', 'additive',
    ['城镇新增就业', '新增城镇就业', '新增就业岗位', '新增就业'],
    '城镇新增就业按人数计；“新增就业岗位”按岗位数（个）计。', { other_units: ['个', 'count'] }),
  rate('urban_unemployment_rate', '城镇失业率', 'Urban unemployment rate', ['城镇登记失业率', '城镇调查失业率', '登记失业率', '调查失业率'],
    '城镇登记失业率与城镇调查失业率口径不同，见原文；目标为上限。', { goal_is_ceiling: true }),
  rate('cpi_growth', '居民消费价格涨幅', 'Consumer price inflation', ['居民消费价格', 'CPI'], '比上年上涨幅度；目标为上限。',
    { goal_is_ceiling: true }),
  level('foreign_trade', '进出口总额', 'Foreign trade', 'CNY', 'additive',
    ['货物进出口总额', '外贸进出口总额', '外贸进出口', '进出口总额', '进出口'], '总额（进出口增长率不在此指标中）。', { other_units: ['USD'] }),
  level('foreign_investment_actual', '实际使用外资', 'Foreign investment actually used', 'USD', 'additive',
    ['实际利用外资', '实际使用外资'], '金额；折合人民币的数值单列。', { other_units: ['CNY'] }),
  rate('industrial_value_added_growth', '规模以上工业增加值增长', 'Industrial value added growth (above scale)',
    ['规模以上工业增加值', '规上工业增加值'], '规模以上工业企业增加值的增长率。'),
  level('grain_output', '粮食产量', 'Grain output', 'kg', 'additive', ['粮食总产量', '粮食产量'], ''),
  level('investment_attracted', '招商引资到位资金', 'Investment attracted (funds in place)', 'CNY', 'additive',
    ['招商引资到位资金', '引进国内到位资金', '引进到位资金', '到位资金'], '实际到位资金，不是协议投资额。',
    { not_after: ['产业项目'] }),
  level('investment_agreed', '协议投资额', 'Investment agreed', 'CNY', 'additive', ['协议投资额', '签约金额', '协议引资'],
    '签约金额，不是实际到位资金。'),
  level('projects_signed', '签约项目数', 'Projects signed', '个', 'additive', ['签约项目', '签约引进项目'], '项目个数。'),
  level('base_stations_5g', '5G基站', '5G base stations', '个', 'stock', ['5G基站'], '某一时点的存量。'),
  rate('rd_intensity', '研发经费投入强度', 'R&D intensity', ['研发经费投入强度', '研发投入强度', '研发投入占比', '研发经费支出相当于全市生产总值的比例', '研发经费支出相当于地区生产总值的比例', '研发经费支出相当于生产总值的比例', '研发经费支出占地区生产总值比重'],
    '研发经费支出占地区生产总值的比例。'),
  rate('energy_intensity_reduction', '单位GDP能耗降低', 'Reduction of energy use per unit of GDP',
    ['单位国内生产总值能耗', '单位地区生产总值能耗', '单位生产总值能耗', '单位GDP能耗'], '下降幅度，记为正数。', { stated_as_fall: true }),
];

export const METRIC_IDS = new Set(METRICS.map((m) => m.id));

/** The metric of an id. */
export function metricById(id: string): Metric | undefined {
  return METRICS.find((m) => m.id === id);
}

/** The columns of `data/metrics.csv`, in order. */
export const METRIC_COLUMNS = ['id', 'name_zh', 'name_en', 'base_unit', 'measure', 'agg', 'phrasings', 'not_after', 'scope_note'] as const;

/** The registry as `data/metrics.csv` writes it (phrasings and exclusions joined by `|`). */
export function metricsCsv(): string {
  const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [METRIC_COLUMNS.join(',')];
  for (const m of METRICS) {
    const units = [m.base_unit, ...(m.other_units ?? [])].join('|');
    lines.push([m.id, m.name_zh, m.name_en, units, m.measure, m.agg, m.phrasings.join('|'), (m.not_after ?? []).join('|'), m.scope_note].map(field).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A phrasing found in a sentence, with the level (or rate) metric it names. */
interface Phrase {
  metric: Metric;
  at: number;
  end: number;
}

/** Level and rate metrics: what a phrasing names (a growth metric is found through its level). */
const NAMED = METRICS.filter((m) => m.measure !== 'growth');
const GROWTH_OF = new Map(METRICS.filter((m) => m.measure === 'growth').map((m) => [m.id.replace(/_growth$/, ''), m]));

/** Words right before a phrasing that make it a sector's part of the place's total (商贸企业新增就业); a zone is a place of its own. */
const SUB_SCOPE = /(?:企业|行业|产业|商贸|系统|领域)$/;

/** The nearest phrasing that ends before `before`'s end, longest at a place. */
function nearestPhrase(before: string): Phrase | null {
  let best: Phrase | null = null;
  for (const metric of NAMED) {
    for (const phrasing of metric.phrasings) {
      const found = before.lastIndexOf(phrasing);
      if (found < 0) continue;
      // Checked from the longest phrasing that ends here: 人均|地区生产总值 is no 生产总值 of the place either.
      const end = found + phrasing.length;
      const at = Math.min(found, ...metric.phrasings.filter((p) => before.slice(end - p.length, end) === p).map((p) => end - p.length));
      const head = before.slice(0, at).replace(/\s+$/, '');
      if (metric.not_after?.some((w) => head.endsWith(w)) || SUB_SCOPE.test(head)) continue;
      if (!best || end > best.end || (end === best.end && at < best.at)) best = { metric, at, end };
    }
  }
  return best;
}

/** What a figure is, as far as naming its metric needs. */
export interface MetricInput {
  /** The sentence up to the number (its qualifiers included). */
  sentenceBefore: string;
  kind: Kind;
  base_unit: string;
  unit: string;
  /** The text right after the figure (a few characters): 58万元/人 is a rate per person, not a level. */
  after: string;
}

/** Words between a level's name and its number that say the number is a change, not the level. */
const INCREMENT = /(?:增加|增长|增收|减少|多|高于|低于|超过全国|翻|扩大)了?(?:约|近)?$/;

/** A number with its unit, as it may stand between a name and a later figure of it (…完成198.5亿元，增长22.3%). */
const STATED_NUMBER = /[0-9０-９.．]+(?:万亿|亿|千万|百万|万|千)?(?:元|美元|人|个|斤|吨|%|％|个百分点)?/g;
/**
 * What may stand between a metric's name and its figure, clause by clause: verbs, time words and qualifiers,
 * never another noun (…新增就业5000人、再就业2100人: 再就业 is another indicator).
 */
const LINKING = new RegExp(`^(?:${[
  '预计', '全年', '同比', '分别', '累计', '累积', '年均', '平均', '比上年', '较上年', '比去年', '达到', '完成', '实现', '增加到', '增长到',
  '提高到', '提升到', '降到', '降至', '下降到', '为', '突破', '超过', '超', '达', '保持在', '稳定在', '控制在', '连年', '连续', '以上',
  '以下', '以内', '左右', '约', '近', '增长', '下降', '增速', '增幅', '上涨', '涨幅', '降低', '回落', '提高', '按可比价格计算',
  '按可比价计算', '按可比口径计算', '按可比口径', '由', '从', '的', '了', '在', '人民币', '共', '共计', '合计', '预期', '力争',
  '确保', '争取', '要', '将', '分别为', '分别达到', '分别完成', '增长了', '迈上', '年', '总额', '总量', '额', '左右', '不少于',
  '不低于', '控制到', '五年', '十年', '增加', '折合', '持续', '稳步', '继续', '进一步', '首次', '均', '全', '区', '市', '县', '全区', '全市', '全省', '全国', '下同', '计',
].sort((a, b) => b.length - a.length).join('|')}|[\\s“”"（）()0-9年])*$`);

/** Whether every clause between a name and its figure only links them (see {@link LINKING}). */
function onlyLinks(between: string): boolean {
  return between.replace(STATED_NUMBER, '').split(/[，,、：:]/).every((clause) => LINKING.test(clause));
}
/** Words right before the number that make it a multiple or a difference. */
const NOT_A_VALUE = /(?:是|为)[^，,；;]{0,12}的$/;

/**
 * The id of the metric a figure states, or '' when it states none: the nearest metric phrasing before it in its
 * sentence names it, when the figure's unit and kind are the metric's (a growth rate after a level's name states
 * the level's growth) and nothing between says it is a change of the level rather than its value.
 */
export function metricOf({ sentenceBefore, kind, base_unit, unit, after }: MetricInput): string {
  const phrase = nearestPhrase(sentenceBefore);
  if (!phrase) return '';
  const between = sentenceBefore.slice(phrase.end);
  // Another clause's figure: a semicolon, or another level's number in between (its growth may follow it).
  if (/[；;。]/.test(between)) return '';
  if (unit === '个百分点' || base_unit === 'times' || /^[/／每]/.test(after)) return '';
  if (!onlyLinks(between)) return '';
  const named = phrase.metric;
  if (kind === 'growth_rate') {
    if (named.measure === 'rate') return named.base_unit === 'percent' ? named.id : '';
    return GROWTH_OF.get(named.id)?.id ?? '';
  }
  if (named.measure === 'rate') return base_unit === 'percent' ? named.id : '';
  if (base_unit !== named.base_unit && !named.other_units?.includes(base_unit)) return '';
  if (INCREMENT.test(between.replace(/[\s]+$/, '')) || NOT_A_VALUE.test(between)) return '';
  return named.id;
}
