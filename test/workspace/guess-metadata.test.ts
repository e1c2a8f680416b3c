import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guessGenre, guessMetadata } from '../../src/workspace';
import { ROOT, fixtureText } from './helpers';

describe('metadata guessed from a report text', () => {
  it('reads title, 来源, place, date and genre from a portal page header', () => {
    expect(guessMetadata(fixtureText('county-bulletin-2023.txt'))).toEqual({
      title: '某某县2023年国民经济和社会发展统计公报', publisher: '某某县统计局', place: '某某县', published: '2024-03-15',
      genre: 'statistical_bulletin', url: '',
    });
    expect(guessMetadata(fixtureText('district-investment-summary-2023.txt'))).toMatchObject({
      title: '某某区2023年前三季度招商引资工作总结', publisher: '某某区投资促进局', place: '某某区', published: '2023-10-16',
      genre: 'investment_summary',
    });
  });

  it('names a work report’s government as its publisher when no 来源 line says otherwise', () => {
    expect(guessMetadata(fixtureText('work-report-2024.txt'))).toMatchObject({
      title: '某某市2024年政府工作报告', publisher: '某某市人民政府', place: '某某市', published: '2024-01-20', genre: 'work_report',
    });
  });

  it('prefers 来源 (the issuing body) over a portal’s 发布机构 (its web desk)', () => {
    const binhai = readFileSync(join(ROOT, 'data/source/binhai-2022-08-04.txt'), 'utf8');
    expect(guessMetadata(binhai)).toMatchObject({
      title: '滨海新区关于十一届市委第九轮巡视整改进展情况的通报', publisher: '中共天津市滨海新区委员会', place: '滨海新区',
      published: '2022-08-04', genre: 'rectification',
    });
  });

  it('takes a signature date at the end and a URL in the text, and leaves unknown fields empty', () => {
    const text = '关于某项工作的说明\nhttps://example.gov.cn/a/1.html\n\n正文共3项工作。\n\n某某镇人民政府\n2021年6月30日\n';
    expect(guessMetadata(text)).toEqual({
      title: '关于某项工作的说明', publisher: '', place: '', published: '2021-06-30', genre: 'other',
      url: 'https://example.gov.cn/a/1.html',
    });
    expect(guessMetadata('').published).toBe('');
  });

  it('tells genres by the title’s words', () => {
    expect(guessGenre('某区巡视整改情况的通报', '')).toBe('rectification');
    expect(guessGenre('2023年某市统计公报', '')).toBe('statistical_bulletin');
    expect(guessGenre('一份说明', '')).toBe('other');
  });
});
