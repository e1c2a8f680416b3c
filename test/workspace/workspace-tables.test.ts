import { beforeAll, describe, expect, it } from 'vitest';
import { appendReport, encodeFigures, loadTables } from '../../src/db';
import { composeTableSources, reportRows, withCurrentFigures } from '../../src/data/workspace-sources';
import type { StoredReport } from '../../src/data/reports-store';
import { fetchDocuments } from '../../src/queries/documents-query';
import { sql } from '../../src/sql';
import { reportFigures } from '../../src/workspace';
import { createTestEngine } from '../util/test-db';
import { fixtureReport, shippedData, stored } from './helpers';

const BINHAI = 'binhai-2022-08-04';
let engine: Awaited<ReturnType<typeof createTestEngine>>;
let added: StoredReport;

beforeAll(async () => {
  engine = await createTestEngine();
  added = await withCurrentFigures(stored(await fixtureReport('county-bulletin-2023.txt')));
});

const count = async (query: ReturnType<typeof sql>) => Number((await engine.query(query))[0]?.n);

describe('the workspace in the engine', () => {
  it('loads the shipped report and an added one side by side: figures, documents and texts', async () => {
    await loadTables(engine, composeTableSources(shippedData(), [added], []));
    const binhaiFigures = shippedData().figuresCsv.trim().split('\n').length - 1;
    expect(await count(sql`SELECT count(*) AS n FROM figures WHERE doc_id = ${BINHAI}`)).toBe(binhaiFigures);
    expect(await count(sql`SELECT count(*) AS n FROM figures WHERE doc_id = ${added.doc_id}`)).toBe(reportFigures(added).length);
    const docs = await fetchDocuments(engine.runner);
    expect(docs.map((d) => [d.doc_id, d.place, d.genre, d.added, d.hidden])).toEqual([
      [BINHAI, '滨海新区', 'rectification', false, false],
      [added.doc_id, '某某县', 'statistical_bulletin', true, false],
    ]);
    const [text] = await engine.query(sql`SELECT text FROM document_texts WHERE doc_id = ${added.doc_id}`);
    expect(text?.text).toBe(added.text);
  });

  it('keeps a hidden report listed, marked hidden, with none of its figures loaded', async () => {
    await loadTables(engine, composeTableSources(shippedData(), [added], [BINHAI]));
    expect(await count(sql`SELECT count(*) AS n FROM figures WHERE doc_id = ${BINHAI}`)).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM figures_linked WHERE doc_id = ${BINHAI}`)).toBe(0);
    expect((await fetchDocuments(engine.runner)).find((d) => d.doc_id === BINHAI)?.hidden).toBe(true);
  });

  it('leaves the loaded workspace as it was when a reload fails', async () => {
    await loadTables(engine, composeTableSources(shippedData(), [added], []));
    const before = await count(sql`SELECT count(*) AS n FROM figures`);
    const broken = { ...added, figures: { extractor: added.figures!.extractor, csv: `${added.figures!.csv}x,y\n` } };
    await expect(loadTables(engine, composeTableSources(shippedData(), [broken], []))).rejects.toThrow();
    expect(await count(sql`SELECT count(*) AS n FROM figures`)).toBe(before);
    expect((await fetchDocuments(engine.runner)).length).toBe(2);
  });

  it('loads shipped files whose lines end in CRLF beside the added reports’ LF rows', async () => {
    const crlf = { ...shippedData(), figuresCsv: shippedData().figuresCsv.replace(/\n/g, '\r\n'), documentsCsv: shippedData().documentsCsv.replace(/\n/g, '\r\n') };
    await loadTables(engine, composeTableSources(crlf, [], []));
    await loadTables(engine, composeTableSources(crlf, [added], []));
    expect(await count(sql`SELECT count(*) AS n FROM figures WHERE doc_id = ${added.doc_id}`)).toBe(reportFigures(added).length);
    expect((await fetchDocuments(engine.runner)).length).toBe(2);
  });

  it('refuses figures made for other columns, naming the report', () => {
    const stale = { ...added, figures: { extractor: 'old', csv: 'id,doc_id\nx,y\n' } };
    expect(() => composeTableSources(shippedData(), [stale], [])).toThrow(/某某县2023年国民经济和社会发展统计公报.*重新提取/);
  });

  describe('adding one report to a loaded workspace', () => {
    /** Every table as text rows in a fixed order: two loads hold the same workspace when these are equal. */
    const tables = async () => Promise.all([
      engine.query(sql`SELECT * EXCLUDE (value, value_base), value::VARCHAR AS v, value_base::VARCHAR AS vb
        FROM figures ORDER BY id`),
      engine.query(sql`SELECT * FROM figures_linked ORDER BY id`),
      engine.query(sql`SELECT * FROM figures_facets ORDER BY ALL`),
      engine.query(sql`SELECT * FROM figures_repeated ORDER BY ALL`),
      engine.query(sql`SELECT * EXCLUDE (value_base), value_base::VARCHAR AS vb FROM figures_metrics ORDER BY id`),
      engine.query(sql`SELECT * FROM figures_metric_points ORDER BY ALL`),
      engine.query(sql`SELECT * EXCLUDE (row_id) FROM figures_ranked ORDER BY ord`),
      // Its row ids are those of the figures it names (they differ between a load and an append).
      engine.query(sql`SELECT count(*) FILTER (WHERE f.id IS DISTINCT FROM r.id) AS wrong, count(*) = (SELECT count(*) FROM figures) AS whole
        FROM figures_ranked r LEFT JOIN figures f ON f.rowid = r.row_id`),
      engine.query(sql`SELECT * FROM documents ORDER BY doc_id`),
      engine.query(sql`SELECT * FROM document_texts ORDER BY doc_id`),
    ]).then((all) => JSON.stringify(all.map((rows) => rows.map((r) => Object.values(r).map(String)))));
    let other: StoredReport;

    beforeAll(async () => {
      other = await withCurrentFigures(stored(await fixtureReport('district-investment-summary-2023.txt')));
    });

    it('holds what a full load of the same workspace holds', async () => {
      await loadTables(engine, composeTableSources(shippedData(), [added, other], []));
      const full = await tables();
      await loadTables(engine, composeTableSources(shippedData(), [added], []));
      await appendReport(engine, reportRows(other));
      expect(await tables()).toBe(full);
    });

    it('widens encoded columns to the values the report brings, and a revised report replaces its rows', async () => {
      const revised = await withCurrentFigures(stored({ ...other, excluded: [reportFigures(other)[0]!.start] }));
      await loadTables(engine, composeTableSources(shippedData(), [added, revised], []));
      const full = await tables();
      await loadTables(engine, composeTableSources(shippedData(), [added], []));
      await encodeFigures(engine, 'figures');
      await engine.query(sql`CREATE OR REPLACE TABLE figures_linked AS SELECT * FROM figures WHERE part_of IS NOT NULL OR parts > 0`);
      await appendReport(engine, reportRows(other));
      await appendReport(engine, reportRows(revised));
      expect(await count(sql`SELECT count(*) AS n FROM figures WHERE doc_id = ${other.doc_id}`)).toBe(reportFigures(other).length - 1);
      const [type] = await engine.query(sql`SELECT data_type FROM information_schema.columns WHERE table_name = 'figures' AND column_name = 'subject'`);
      expect(String(type?.data_type)).toMatch(/^ENUM\(/);
      expect(await tables()).toBe(full);
    });

    it('leaves the tables as they were when the report cannot be read', async () => {
      await loadTables(engine, composeTableSources(shippedData(), [added], []));
      const before = await tables();
      const broken = { ...other, figures: { extractor: other.figures!.extractor, csv: `${other.figures!.csv}x,y\n` } };
      await expect(appendReport(engine, reportRows(broken))).rejects.toThrow();
      expect(await tables()).toBe(before);
    });
  });
});
