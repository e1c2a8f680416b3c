import { describe, expect, it } from 'vitest';
import { groupsTable } from '../../src/export/group-table';
import { buildGroupedBarsOption } from '../../src/views/compare/grouped-bars-option';
import { keyLabel } from '../../src/views/pivot/pivot-chart-option';
import { valueLabel } from '../../src/views/shared/value-label';

const titles = new Map([['2024-01-20-3f2a1b9c', '某某市2024年政府工作报告']]);

describe('reports named by their titles', () => {
  it('labels a report by its title, other values as before, and an unknown id as itself', () => {
    expect(valueLabel('doc_id', '2024-01-20-3f2a1b9c', titles)).toBe('某某市2024年政府工作报告');
    expect(valueLabel('doc_id', 'other-id', titles)).toBe('other-id');
    expect(valueLabel('category', 'investment', titles)).toBe('招商引资与投资');
    expect(keyLabel(['2024-01-20-3f2a1b9c', 'investment'], ['doc_id', 'category'], titles)).toBe('某某市2024年政府工作报告 · 招商引资与投资');
  });

  it('names the groups of a grouped-bars chart and its export by report title', () => {
    const rows = [{ key: '2024-01-20-3f2a1b9c', series: 'investment', base_unit: 'CNY', count: 1, total: 5e9, refused: null, qualifier: '' }];
    const option = buildGroupedBarsOption(rows, { title: 't', baseUnit: 'CNY', byDimension: 'doc_id', seriesDimension: 'category', titles });
    expect(option.xAxis.axisLabel.formatter('2024-01-20-3f2a1b9c')).toBe('某某市2024年政…');
    expect(groupsTable(rows, 'CNY', 'doc_id', [], 'category', titles).rows[0]?.key).toBe('某某市2024年政府工作报告');
  });
});
