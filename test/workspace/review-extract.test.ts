import { describe, expect, it } from 'vitest';
import { reportFigures } from '../../src/workspace';
import { reviewExtraction } from '../../src/workspace/review-extract';

const TEXT = '某某县2023年工作总结\n2023年，全县完成投资5亿元，新增就业1200人。\n联系电话：0571-12345678。\n';
const report = { doc_id: 'x', text: TEXT, published: '2024-01-10', title: '某某县2023年工作总结', corrections: [], excluded: [], included: [] };
const YEAR = TEXT.indexOf('2023年，');

describe('review extraction', () => {
  it('lists every number as the rules see it, and which excluded ones have a unit after them', () => {
    const { numbers, found } = reviewExtraction(report);
    expect(found.map((f) => `${f.value}${f.unit}`)).toEqual(['5亿元', '1200人']);
    expect(numbers.find((n) => n.start === YEAR)).toMatchObject({ status: 'excluded', reason: 'date', hasUnit: true });
    const phone = numbers.find((n) => n.start === TEXT.indexOf('0571'));
    expect(phone).toMatchObject({ status: 'excluded', reason: 'phone', hasUnit: false });
  });

  it('adds a number the rules excluded when the reviewer selects it, and counts it as extracted', () => {
    const before = reviewExtraction(report);
    const after = reviewExtraction({ ...report, included: [YEAR] });
    expect(after.found.map((f) => `${f.value}${f.unit}`)).toEqual(['2023年', '5亿元', '1200人']);
    expect(after.account.extracted).toBe(before.account.extracted + 1);
    expect(after.account.excluded).toBe(before.account.excluded - 1);
    expect(reportFigures({ ...report, included: [YEAR] }).map((f) => f.start)).toContain(YEAR);
  });

  it('keeps the rules’ figures apart from the review: exclusions and corrections apply to what is saved only', () => {
    const [first] = reviewExtraction(report).found;
    const reviewed = reviewExtraction({
      ...report, excluded: [first!.start], corrections: [{ start: TEXT.indexOf('1200'), field: 'indicator', value: '城镇新增就业人数' }],
    });
    expect(reviewed.found).toHaveLength(2);
    expect(reviewed.found[1]?.indicator).not.toBe('城镇新增就业人数');
    expect(reviewed.figures.map((f) => [f.value, f.indicator])).toEqual([['1200', '城镇新增就业人数']]);
    expect(reviewed.csv.split('\n')[1]).toContain('城镇新增就业人数');
  });

  it('refuses an addition where no number starts (a text that changed under it)', () => {
    expect(() => reportFigures({ ...report, included: [YEAR + 1] })).toThrow(/stale addition: x @/);
  });
});
