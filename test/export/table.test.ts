import { describe, expect, it } from 'vitest';
import { figuresTable } from '../../src/export/table';
import type { DocumentRow } from '../../src/queries';
import { SAMPLE_RECORDS } from '../util/sample-records';

const document: DocumentRow = {
  doc_id: 'sample', title: '某某市2024年政府工作报告', publisher: '某某市人民政府', published: '2024-01-20',
  url: 'https://example.org/r', file: '', place: '某某市', genre: 'work_report', added: true, hidden: false,
};

describe('figuresTable', () => {
  it('names each figure’s report by its title beside its doc_id, under 报告 headers', () => {
    const table = figuresTable(SAMPLE_RECORDS.slice(0, 2), [document]);
    const label = (key: string) => table.columns.find((c) => c.key === key)?.label;
    expect([label('doc_id'), label('doc_title')]).toEqual(['报告编号', '报告标题']);
    expect(table.rows.map((r) => [r.doc_id, r.doc_title])).toEqual([
      ['sample', '某某市2024年政府工作报告'], ['sample', '某某市2024年政府工作报告'],
    ]);
  });
});
