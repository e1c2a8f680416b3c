import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { figuresTable } from '../../src/export/table';
import { sheetName, toXlsx } from '../../src/export/xlsx';
import { SAMPLE_RECORDS } from '../util/sample-records';

describe('toXlsx', () => {
  it('writes a workbook that opens with the same rows, numbers as numbers and formulas as plain text', async () => {
    const figures = [...SAMPLE_RECORDS.slice(0, 3), { ...SAMPLE_RECORDS[0]!, id: 'x:9', indicator: '=HYPERLINK("x")' }];
    const table = figuresTable(figures, [
      { doc_id: figures[0]!.doc_id, title: '报告', publisher: '发布机构', published: '2022-08-04', url: 'https://example.org/r', file: '', place: '', genre: 'other', added: false, hidden: false },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table, '明细 [全部]')).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('明细 _全部_');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(table.columns.map((c) => c.label));
    expect(sheet.rowCount).toBe(figures.length + 1);
    table.rows.forEach((row, i) => {
      expect(values(i + 2)).toEqual(table.columns.map((c) => row[c.key]));
    });
    const hostile = sheet.getRow(figures.length + 1).getCell(2);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(table.columns.map((c) => c.key)).toEqual(expect.arrayContaining(['quote', 'line', 'publisher', 'published']));
  });

  it('makes a legal sheet name', () => {
    expect(sheetName('a/b\\c?d*e[f]g:h')).toBe('a_b_c_d_e_f_g_h');
    expect([...sheetName('数'.repeat(40))]).toHaveLength(31);
    expect(sheetName('  ')).toBe('Sheet1');
  });
});
