import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/zh';
import { reviewExtraction } from '../../src/workspace/review-extract';
import { MAX_FILE_BYTES, MAX_TEXT_CHARS, textProblem, utf8Length } from '../../src/workspace/source-check';
import { ROOT } from './helpers';

const BINHAI = readFileSync(join(ROOT, 'data/source/binhai-2022-08-04.txt'), 'utf8');

/** The shipped report repeated to `chars` characters, each copy about a place of its own (as a long report is). */
function longText(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 1; length < chars; i++) {
    const copy = `${BINHAI.replaceAll('滨海新区', `第${i}区`)}\n`;
    parts.push(copy);
    length += copy.length;
  }
  return parts.join('').slice(0, chars);
}

describe('what text can be added', () => {
  it('refuses an empty text and one of spaces only', () => {
    expect(textProblem('')).toEqual({ reason: 'empty' });
    expect(textProblem(' \n\t　\n')).toEqual({ reason: 'empty' });
  });

  it('refuses a text without a digit, and takes one with full-width digits', () => {
    expect(textProblem('某某县工作总结\n全县各项工作稳步推进。')).toEqual({ reason: 'no_digits' });
    expect(textProblem('全县新增企业１２０家。')).toBeNull();
  });

  it('refuses a 20 MB text, naming its size and the limit', () => {
    const line = '全县新增企业120家，完成投资3.5亿元。\n';
    const text = line.repeat(Math.ceil((20 * 1024 * 1024) / utf8Length(line)));
    const problem = textProblem(text);
    expect(problem).toEqual({ reason: 'too_large', chars: text.length, bytes: new TextEncoder().encode(text).length, limit: MAX_TEXT_CHARS });
    const wan = (text.length / 10_000).toFixed(1);
    expect(problem?.reason === 'too_large' && t.reports.source.tooLarge(problem.chars, problem.bytes, problem.limit))
      .toBe(`正文有 ${wan} 万字（20.0 MB），超过可提取的上限 100 万字。请只保留报告本身，或把它分成几份分别添加。`);
  });

  it('takes a text of exactly the limit, and refuses one character more', () => {
    expect(textProblem(`1${'字'.repeat(MAX_TEXT_CHARS - 1)}`)).toBeNull();
    expect(textProblem(`1${'字'.repeat(MAX_TEXT_CHARS)}`)).toMatchObject({ reason: 'too_large', chars: MAX_TEXT_CHARS + 1 });
  });

  it('refuses a plain-text file by its size only where its text cannot be within the limit', () => {
    // The widest encoding read: GB18030's four-byte forms (81 30 81 30 is U+0080), four bytes a character.
    const widest = new Uint8Array(4 * MAX_TEXT_CHARS).map((_, i) => [0x81, 0x30, 0x81, 0x30][i % 4]!);
    expect(new TextDecoder('gb18030').decode(widest)).toHaveLength(MAX_TEXT_CHARS);
    expect(widest.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(20 * 1024 * 1024).toBeGreaterThan(MAX_FILE_BYTES);
    expect(t.reports.source.fileTooLarge('huge.txt', 20 * 1024 * 1024, MAX_FILE_BYTES, MAX_TEXT_CHARS))
      .toBe('huge.txt 有 20.0 MB，超过上限：正文最多 100 万字，文本文件最大 3.8 MB。请只保留报告本身，或把它分成几份分别添加。');
  });

  it('counts UTF-8 bytes as the encoder does', () => {
    const mixed = 'GDP 680.5亿元，增长6.1%；é ü 😀 𠀀\n';
    expect(utf8Length(mixed)).toBe(new TextEncoder().encode(mixed).length);
  });

  it('extracts a text at the limit in reasonable time, with its progress', () => {
    const text = longText(MAX_TEXT_CHARS);
    expect(textProblem(text)).toBeNull();
    const fractions: number[] = [];
    const started = performance.now();
    const result = reviewExtraction({ doc_id: 'x', text, published: '2022-08-04', title: '', place: '', genre: 'other', corrections: [], excluded: [], included: [] },
      (f) => fractions.push(f));
    const seconds = (performance.now() - started) / 1000;
    expect(result.found.length).toBeGreaterThan(9000);
    expect(fractions.length).toBeGreaterThan(50);
    expect(fractions.at(-1)).toBe(1);
    // About 3 s on a 2-core machine; past the limit the time grows with the square of the figures.
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});
