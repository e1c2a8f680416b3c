import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/zh';
import { SORTABLE_COLUMNS } from '../../src/queries';
import { EXPLORER_COLUMNS } from '../../src/views/explorer/explorer-columns';
import { documentTitles } from '../../src/views/shared/value-label';
import { sample } from '../util/sample-records';

const LONG_TITLE = '滨海新区关于十一届市委第九轮巡视整改进展情况的通报';

describe('the explorer’s report column', () => {
  const report = EXPLORER_COLUMNS.find((c) => c.key === 'report');

  it('is headed 报告 and sorts by the report’s title', () => {
    expect(report && t.explorer.columns[report.key]).toBe('报告');
    expect(report?.sort).toBe('doc_title');
    expect(SORTABLE_COLUMNS).toContain(report?.sort);
  });

  it('shows a long title cut short, with the whole title on hover', () => {
    const titles = documentTitles([{ doc_id: 'sample', title: LONG_TITLE }]);
    const figure = sample('sample:0001');
    expect(report?.text(figure, titles)).toBe('滨海新区关于十一届…');
    expect(report?.hover?.(figure, titles)).toBe(LONG_TITLE);
  });

  it('shows a short title whole, and the doc_id until the titles are known', () => {
    const figure = sample('sample:0001');
    expect(report?.text(figure, documentTitles([{ doc_id: 'sample', title: '测试报告' }]))).toBe('测试报告');
    expect(report?.text(figure, new Map())).toBe('sample');
  });
});
