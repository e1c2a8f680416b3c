import { describe, expect, it } from 'vitest';
import { createMeasureText, estimateWidth, themedFont } from '../../src/charts/text-measure';
import { FONT_FAMILY } from '../../src/charts/theme';

describe('themedFont', () => {
  it("measures ECharts' bare default family in the theme's family, keeping size, weight and style", () => {
    expect(themedFont('12px sans-serif')).toBe(`12px ${FONT_FAMILY}`);
    expect(themedFont('bold 14px sans-serif')).toBe(`bold 14px ${FONT_FAMILY}`);
    expect(themedFont('italic bold 20px sans-serif')).toBe(`italic bold 20px ${FONT_FAMILY}`);
    expect(themedFont(undefined)).toBe(`12px ${FONT_FAMILY}`);
  });

  it('leaves a font that names its own family as it is', () => {
    expect(themedFont(`12px ${FONT_FAMILY}`)).toBe(`12px ${FONT_FAMILY}`);
    expect(themedFont('12px monospace')).toBe('12px monospace');
    expect(themedFont("12px 'Noto Serif CJK SC', serif")).toBe("12px 'Noto Serif CJK SC', serif");
    expect(themedFont('12px my-sans-serif')).toBe('12px my-sans-serif');
  });
});

describe('createMeasureText', () => {
  it('measures on one context, setting its font only when it changes', () => {
    const fonts: string[] = [];
    let created = 0;
    const context = {
      get font() {
        return fonts.at(-1) ?? '';
      },
      set font(value: string) {
        fonts.push(value);
      },
      measureText: (text: string) => ({ width: text.length * (fonts.at(-1)?.startsWith('20px') ? 20 : 12) }) as TextMetrics,
    };
    const measure = createMeasureText(() => {
      created += 1;
      return context;
    });
    expect(measure('国家', '12px sans-serif').width).toBe(24);
    expect(measure('ab', '12px sans-serif').width).toBe(24);
    expect(measure('国', '20px sans-serif').width).toBe(20);
    expect(created).toBe(1);
    expect(fonts).toEqual([`12px ${FONT_FAMILY}`, `20px ${FONT_FAMILY}`]);
  });

  it('estimates where there is no canvas to measure on: a full em for Chinese, 0.6 em for ASCII', () => {
    expect(createMeasureText(() => null)('国家', '12px sans-serif').width).toBe(24);
    expect(createMeasureText(() => null)('国家ab', 'bold 20px sans-serif').width).toBe(64);
    expect(estimateWidth('1,975', undefined)).toBeCloseTo(36);
  });
});
