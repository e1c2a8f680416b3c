import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables, lockEngine } from '../../src/db';
import { raw, sql } from '../../src/sql';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

let engine: Awaited<ReturnType<typeof createTestEngine>>;

beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
  await lockEngine(engine);
});

const fails = (text: string) => engine.query(raw(text));

describe('the locked engine', () => {
  it('still answers queries over the loaded tables', async () => {
    const [row] = await engine.query(sql`SELECT count(*) AS n FROM figures JOIN documents USING (doc_id)`);
    expect(row?.n).toBe(SAMPLE_FIGURES.length);
  });

  it.each([
    ["SELECT * FROM read_csv('https://example.org/x.csv')", /Permission Error.*disabled by configuration/],
    ["SELECT * FROM read_csv('figures.csv')", /Permission Error/],
    ["COPY figures TO 'out.csv'", /Permission Error/],
    ["ATTACH 'other.db' AS other", /Permission Error/],
    ['LOAD httpfs', /disabled through configuration/],
    ['SET enable_external_access = true', /configuration has been locked/],
    ['RESET lock_configuration', /configuration has been locked/],
    ['SET autoload_known_extensions = true', /configuration has been locked/],
  ])('refuses %s', async (text, message) => {
    await expect(fails(text)).rejects.toThrow(message);
  });

  it('keeps files registered before the lock out of reach too', async () => {
    await engine.registerText('later.csv', 'a\n1\n');
    await expect(fails("SELECT * FROM 'later.csv'")).rejects.toThrow(/Permission Error/);
  });
});
