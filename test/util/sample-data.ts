/** A small, hand-written figures dataset in the `data/figures.csv` contract, for query and view tests. */
import Papa from 'papaparse';
import { FIGURE_COLUMNS } from '../../src/db';

type Sample = Partial<Record<(typeof FIGURE_COLUMNS)[number], string | number>>;

const base = {
  doc_id: 'sample', section: '二(一)1', section_title: '招商引资', qualifier: '', period: '', period_end: '',
  subject: '滨海新区',
};

export const SAMPLE_FIGURES: Sample[] = [
  { id: 'sample:0001', line: 3, start: 10, end: 17, value: '1975', unit: '亿元', value_base: '197500000000',
    base_unit: 'CNY', kind: 'amount', category: 'investment', indicator: '协议投资额', quote: '协议投资额1975亿元' },
  { id: 'sample:0002', line: 3, start: 20, end: 24, value: '905', unit: '个', value_base: '905',
    base_unit: '个', kind: 'count', category: 'projects', indicator: '承接非首都功能项目数', quote: '项目905个' },
  { id: 'sample:0003', line: 4, start: 30, end: 38, value: '262.48', unit: '亿元', value_base: '26248000000',
    base_unit: 'CNY', kind: 'amount', category: 'investment', indicator: '到位资金', subject: '高新区',
    period: '截至2021年10月', period_end: '2021-10-31', quote: '到位资金262.48亿元' },
  { id: 'sample:0004', line: 5, start: 40, end: 48, value: '13.79', unit: '万平方米', value_base: '137900',
    base_unit: 'm2', kind: 'area', category: 'infrastructure', indicator: '改造面积', subject: '生态城',
    quote: '改造13.79万平方米' },
  { id: 'sample:0005', line: 6, start: 50, end: 56, value: '30.7', unit: '亿美元', value_base: '3070000000',
    base_unit: 'USD', kind: 'amount', category: 'investment', indicator: '实际利用外资', quote: '实际利用外资30.7亿美元' },
  { id: 'sample:0006', line: 7, start: 60, end: 66, value: '33.89', unit: '%', value_base: '33.89',
    base_unit: 'percent', kind: 'percent_share', category: 'industry_output', indicator: '占比', quote: '占比33.89%' },
  { id: 'sample:0007', line: 8, start: 70, end: 75, value: '5137', unit: '个', value_base: '5137',
    base_unit: '个', kind: 'count', category: 'infrastructure', indicator: '5G基站累计数', quote: '5G基站5137个' },
  { id: 'sample:0008', line: 9, start: 80, end: 85, value: '2353.1649', unit: '万元', value_base: '23531649',
    base_unit: 'CNY', kind: 'amount', category: 'investment', indicator: "O'Brien \"quoted\", 指标",
    subject: "Robert'); DROP TABLE figures;--", quote: '<img src=x onerror=window.__xss=1>' },
].map((row) => ({
  ...base,
  // Each sample figure is a fact of its own; rates are never added.
  fact_id: row.id,
  part_of: '',
  mention: 1,
  parts: 0,
  period_start: '',
  agg: row.kind === 'percent_share' ? 'non_additive' : 'additive',
  ...row,
}));

/** The sample as CSV text, columns in contract order. */
export function sampleFiguresCsv(rows: Sample[] = SAMPLE_FIGURES): string {
  return Papa.unparse({ fields: [...FIGURE_COLUMNS], data: rows.map((r) => FIGURE_COLUMNS.map((c) => r[c] ?? '')) });
}

export const SAMPLE_DOCUMENTS_CSV =
  'doc_id,title,publisher,published,url,file,place,genre\nsample,测试报告,测试机构,2022-08-04,https://example.org/x,source/sample.txt,滨海新区,rectification\n';
