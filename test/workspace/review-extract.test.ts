import { describe, expect, it } from 'vitest';
import { reportFigures } from '../../src/workspace';
import { reviewExtraction, savedFigures } from '../../src/workspace/review-extract';

const TEXT = '某某县2023年工作总结\n2023年，全县完成投资5亿元，新增就业1200人。\n联系电话：0571-12345678。\n';
const report = { doc_id: 'x', text: TEXT, published: '2024-01-10', title: '某某县2023年工作总结', place: '某某县', genre: 'other' as const, corrections: [], excluded: [], included: [] };
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

describe('a number with no unit after it', () => {
  const BARE = '某某县2023年工作总结\n全县综合考核得分92.5，排名保持前列。\n';
  const bare = { ...report, text: BARE };
  const SCORE = BARE.indexOf('92.5');

  it('is no figure by the rules, and becomes a bare count (no unit) when the reviewer adds it', () => {
    const before = reviewExtraction(bare);
    expect(before.found).toEqual([]);
    expect(before.numbers.find((n) => n.start === SCORE)).toMatchObject({ status: 'unaccounted' });
    const after = reviewExtraction({ ...bare, included: [SCORE] });
    expect(after.found).toHaveLength(1);
    expect(after.found[0]).toMatchObject({ start: SCORE, end: SCORE + 4, value: '92.5', unit: '', base_unit: 'count', kind: 'count', value_base: '92.5' });
    expect(BARE.slice(after.found[0]!.start, after.found[0]!.end)).toBe('92.5');
    expect(after.account.unaccounted).toEqual([]);
    expect(after.csv.split('\n')[1]).toContain(',92.5,,');
  });

  it('is added the same way when a rule had excluded it (a phone number)', () => {
    const phone = TEXT.indexOf('0571');
    const after = reviewExtraction({ ...report, included: [phone] });
    expect(after.found.find((f) => f.start === phone)).toMatchObject({ unit: '', base_unit: 'count' });
    expect(reportFigures({ ...report, included: [phone] }).map((f) => f.start)).toContain(phone);
  });
});

describe('extraction progress', () => {
  const long = `${TEXT}${'全年新增企业120家，完成投资3.5亿元。\n'.repeat(300)}`;
  const longReport = { ...report, text: long };

  const heard = (run: (onProgress: (f: number) => void) => void): number[] => {
    const fractions: number[] = [];
    run((f) => fractions.push(f));
    return fractions;
  };

  it('goes from 0 to 1 in many steps, never back, without changing the result', () => {
    const fractions = heard((onProgress) => reviewExtraction(longReport, onProgress));
    expect(fractions[0]).toBeLessThan(0.01);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(100);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(reviewExtraction(longReport, () => {})).toEqual(reviewExtraction(longReport));
  });

  it('spans both passes when the review has exclusions and corrections', () => {
    const [first, second] = reviewExtraction(longReport).found;
    const reviewed = { ...longReport, excluded: [first!.start], corrections: [{ start: second!.start, field: 'indicator' as const, value: '改名' }] };
    const fractions = heard((onProgress) => reviewExtraction(reviewed, onProgress));
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    // Half-way is passed once, by the second pass over the text.
    expect(fractions.filter((f) => f > 0.3 && f < 0.6).length).toBeGreaterThan(10);
    expect(fractions.at(-1)).toBe(1);
  });

  it('saves the figures the review shows, in one pass', () => {
    const [first] = reviewExtraction(longReport).found;
    const reviewed = { ...longReport, excluded: [first!.start], included: [TEXT.indexOf('0571')] };
    const fractions = heard((onProgress) => savedFigures(reviewed, onProgress));
    const review = reviewExtraction(reviewed);
    expect(savedFigures(reviewed)).toEqual({ csv: review.csv, count: review.figures.length });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
  });
});
