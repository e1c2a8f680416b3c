import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, neutralise, toCsv } from '../../src/export/csv';
import type { ExportTable } from '../../src/export/table';

describe('neutralise', () => {
  it.each([
    ['=SUM(A1:A2)'], ['+1'], ['-1+2'], ['@cmd'], ['\tcmd'], ['\rcmd'], ['   =1+1'], ['\u3000=1'],
    ['第一行\n=HYPERLINK("x")'], ['ok\r\n  @x'],
  ])('makes %j inert with a leading apostrophe', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it.each([['262.48亿元'], ['滨海新区'], ['a=b'], ['x-1'], [''], ['第一行\n第二行']])('leaves %j as it is', (text) => {
    expect(neutralise(text)).toBe(text);
  });
});

describe('toCsv', () => {
  const table: ExportTable = {
    columns: [
      { key: 'name', label: '指标', type: 'text' },
      { key: 'value', label: '数值', type: 'number' },
      { key: 'delta', label: '变化', type: 'number' },
    ],
    rows: [
      { name: '=1+1', value: 262.48, delta: -3.5 },
      { name: '含,逗号 "引号"\n换行', value: 1975, delta: null },
      { name: ' -2', value: 26248000000, delta: 0 },
    ],
  };

  it('starts with a UTF-8 BOM and keeps numbers as numbers (negative ones too)', () => {
    const csv = toCsv(table);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('指标,数值,变化');
    expect(lines[1]).toBe("'=1+1,262.48,-3.5");
  });

  it('round-trips through PapaParse with the same values', () => {
    const parsed = Papa.parse<string[]>(toCsv(table).slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['指标', '数值', '变化'],
      ["'=1+1", '262.48', '-3.5'],
      ['含,逗号 "引号"\n换行', '1975', ''],
      ["' -2", '26248000000', '0'],
    ]);
  });
});
