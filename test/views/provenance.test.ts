import { describe, expect, it } from 'vitest';
import { lineBounds, neighbours, paragraphSegments } from '../../src/views/provenance/provenance';
import { sample } from '../util/sample-records';

const text = '标题\n    截至10月，协议投资额1975亿元，项目905个。\n下一段';
const invest = { ...sample('sample:0001'), line: 2, start: text.indexOf('1975'), end: text.indexOf('1975') + 6 };
const projects = { ...sample('sample:0002'), line: 2, start: text.indexOf('905'), end: text.indexOf('905') + 4 };

describe('provenance', () => {
  it('finds a line’s bounds', () => {
    const { start, end } = lineBounds(text, 2);
    expect(text.slice(start, end)).toBe('    截至10月，协议投资额1975亿元，项目905个。');
    expect(() => lineBounds(text, 9)).toThrow(/fewer than 9 lines/);
  });

  it('cuts the paragraph around every figure and marks the current one', () => {
    expect(paragraphSegments(text, invest, [projects, invest])).toEqual([
      { text: '截至10月，协议投资额' },
      { text: '1975亿元', figureId: 'sample:0001', current: true },
      { text: '，项目' },
      { text: '905个', figureId: 'sample:0002', current: false },
      { text: '。' },
    ]);
  });

  it('fails loudly when a figure lies outside its line', () => {
    expect(() => paragraphSegments(text, { ...invest, line: 3 }, [])).not.toThrow();
    expect(() => paragraphSegments(text, { ...invest, line: 3 }, [{ ...invest, line: 3 }])).toThrow(/does not lie within line 3/);
  });

  it('links to the neighbouring figures in document order', () => {
    expect(neighbours(invest, [projects, invest])).toEqual({ previous: undefined, next: projects });
    expect(neighbours(projects, [projects, invest]).previous).toBe(invest);
  });
});
