import { describe, expect, it } from 'vitest';
import { groupsTable } from '../../src/export/group-table';
import { dimensionValueLabel, t } from '../../src/i18n/zh';

describe('grouped sums as an export table', () => {
  const rows = [
    { key: '高新区', series: 'investment', base_unit: 'CNY', count: 2, total: 5e9, refused: null, qualifier: '' },
    { key: '开发区', series: 'investment', base_unit: 'CNY', count: 3, total: null, refused: 'indicators' as const, qualifier: '' },
    { key: '开发区', series: 'projects', base_unit: '个', count: 1, total: 12, refused: null, qualifier: '' },
  ];

  it('labels groups and series as the chart does, keeps exact sums and says why a sum is refused', () => {
    const table = groupsTable(rows, 'CNY', 'subject', [], 'category');
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]).toMatchObject({ key: '高新区', series: dimensionValueLabel('category', 'investment'), total: 5e9, shown: 50 });
    expect(table.rows[0]?.series).not.toBe('investment');
    expect(table.rows[1]).toMatchObject({ total: null, shown: null, refused: t.refusals.indicators });
  });

  it('leaves series values as stored when the chart has no series dimension', () => {
    expect(groupsTable(rows, 'CNY', 'subject', []).rows[0]?.series).toBe('investment');
  });
});
