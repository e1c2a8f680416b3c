/**
 * The workbench's sample query. It adds only what may be added: one indicator, unit, class and period per row;
 * each fact once (id = fact_id); stated parts left out (their total is there); no total of rates, shares or ages.
 * The groups are named (not GROUP BY ALL, which this engine's binder refuses beside the CASE over an aggregate).
 */
export const SAMPLE_SQL = [
  '-- 每行一个指标、单位、汇总方式和时期：同一事实只计一次，组成部分不与总数重复相加，比率、年龄等不合计',
  'SELECT indicator, base_unit, agg, period, count(*) AS facts,',
  "  CASE WHEN agg <> 'non_additive' THEN sum(value_base) END AS total",
  'FROM figures',
  'WHERE id = fact_id AND part_of IS NULL',
  'GROUP BY indicator, base_unit, agg, period',
  'ORDER BY facts DESC, indicator',
].join('\n');
