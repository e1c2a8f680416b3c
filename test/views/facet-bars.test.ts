import { describe, expect, it } from 'vitest';
import { facetBars } from '../../src/views/compare/facet-bars';

const rows = [
  { dimension: 'category' as const, value: 'projects', count: 18 },
  { dimension: 'category' as const, value: 'investment', count: 18 },
  { dimension: 'category' as const, value: 'governance', count: 96 },
  { dimension: 'subject' as const, value: '街镇', count: 40 },
];

describe('facet bars (cross-filter)', () => {
  it('lists one dimension, largest first (ties by value), with Chinese labels and shares of the largest', () => {
    const bars = facetBars('category', rows, []);
    expect(bars.map((b) => b.value)).toEqual(['governance', 'investment', 'projects']);
    expect(bars.map((b) => b.label)).toEqual(['社会治理', '招商引资与投资', '项目']);
    expect(bars.map((b) => b.share)).toEqual([1, 18 / 96, 18 / 96]);
    expect(bars.every((b) => !b.selected && !b.muted)).toBe(true);
  });

  it('marks the selected values and mutes the others while a selection exists', () => {
    const bars = facetBars('category', rows, ['investment']);
    expect(bars.map((b) => [b.value, b.selected, b.muted])).toEqual([
      ['governance', false, true], ['investment', true, false], ['projects', false, true],
    ]);
  });

  it('keeps the top values only', () => {
    expect(facetBars('category', rows, [], 2).map((b) => b.value)).toEqual(['governance', 'investment']);
    expect(facetBars('period', rows, [])).toEqual([]);
  });

  it('always lists the selected values, after the top ones, with 0 when no figure is left for them', () => {
    const bars = facetBars('category', rows, ['projects', 'talent'], 1);
    expect(bars.map((b) => [b.value, b.count, b.selected])).toEqual([
      ['governance', 96, false], ['projects', 18, true], ['talent', 0, true],
    ]);
    expect(bars.map((b) => b.share)).toEqual([1, 18 / 96, 0]);
  });
});
