import type * as ExcelJSModule from 'exceljs';
import type { Workbook } from 'exceljs';
import type { ExportTable } from './table';

/** An Excel sheet name: at most 31 characters, none of []:*?/\ . */
export function sheetName(title: string): string {
  const name = [...title.replace(/[[\]:*?/\\]/g, '_').trim()].slice(0, 31).join('');
  return name === '' ? 'Sheet1' : name;
}

async function newWorkbook(): Promise<Workbook> {
  // Loaded on first export only, so the initial bundle stays small.
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJSModule } & typeof ExcelJSModule;
  const ExcelJS = mod.default ?? mod;
  return new ExcelJS.Workbook();
}

/**
 * The table as an XLSX workbook: numbers as numeric cells, text as string cells (never formulas), a bold
 * header row that stays in view.
 */
export async function toXlsx(table: ExportTable, title: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: c.type === 'number' ? 14 : Math.min(40, Math.max(10, c.label.length * 2 + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, row[c.key] ?? null])));
  }
  // A copy into a plain ArrayBuffer (Node hands back a pooled Buffer).
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as ArrayLike<number>);
}
