import { describe, expect, it } from 'vitest';
import { parseWorkspaceFile, serializeWorkspace, WorkspaceFileError } from '../../src/workspace';
import { fixtureReport } from './helpers';

const fileWith = (mutate: (file: { reports: Record<string, unknown>[]; [k: string]: unknown }) => void, json: string): string => {
  const file = JSON.parse(json) as { reports: Record<string, unknown>[] };
  mutate(file);
  return JSON.stringify(file);
};

describe('the workspace file', () => {
  it('gives back every report, correction and hidden report it was written with', async () => {
    const a = await fixtureReport('county-bulletin-2023.txt', { corrections: [{ start: 120, field: 'agg', value: 'stock' }], excluded: [77] });
    const b = await fixtureReport('work-report-2024.txt');
    const file = parseWorkspaceFile(serializeWorkspace([a, b], ['binhai-2022-08-04'], new Date('2026-12-01T00:00:00Z')), 'ws.json');
    expect(file.reports).toEqual([a, b]);
    expect(file.hidden).toEqual(['binhai-2022-08-04']);
    expect(file.exported_at).toBe('2026-12-01T00:00:00.000Z');
  });

  it('refuses a damaged file whole, naming the file, the report and the field', async () => {
    const json = serializeWorkspace([await fixtureReport('county-bulletin-2023.txt'), await fixtureReport('work-report-2024.txt')], []);
    const refusal = (text: string) => {
      try {
        parseWorkspaceFile(text, 'ws.json');
      } catch (error) {
        expect(error).toBeInstanceOf(WorkspaceFileError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal('{"format":')).toMatch(/^ws\.json：不是有效的 JSON/);
    expect(refusal('{"format":"other"}')).toBe('ws.json：不是 Figures Board 工作区文件');
    expect(refusal(fileWith((f) => { f.version = 9; }, json))).toMatch(/版本 9 不受支持/);
    expect(refusal(fileWith((f) => { f.reports[1]!.genre = 'novel'; }, json))).toBe('ws.json：第 2 份报告的 genre “novel” 无效');
    expect(refusal(fileWith((f) => { f.reports[0]!.published = '2024/3/15'; }, json))).toMatch(/第 1 份报告的 published “2024\/3\/15” 应为 YYYY-MM-DD/);
    expect(refusal(fileWith((f) => { delete f.reports[1]!.title; }, json))).toBe('ws.json：第 2 份报告的 title 应为文本');
    expect(refusal(fileWith((f) => { f.reports[0]!.corrections = [{ start: 5, field: 'value', value: '1' }]; }, json)))
      .toMatch(/第 1 份报告第 1 条更正的 field “value” 不是/);
    expect(refusal(fileWith((f) => { f.reports[0]!.corrections = [{ start: 5, field: 'agg', value: 'sum' }]; }, json)))
      .toMatch(/agg 值“sum”无效/);
    expect(refusal(fileWith((f) => { f.reports[1]!.doc_id = f.reports[0]!.doc_id; }, json))).toMatch(/第 2 份报告的 doc_id “[^”]+” 与前面的报告重复/);
    expect(refusal(fileWith((f) => { f.reports[0]!.doc_id = '../x'; }, json))).toMatch(/doc_id “\.\.\/x” 只能含/);
    expect(refusal(fileWith((f) => { f.reports[0]!.text = '  '; }, json))).toBe('ws.json：第 1 份报告没有正文');
  });
});
