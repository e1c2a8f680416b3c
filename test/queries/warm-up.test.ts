import { describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db';
import { warmUpQueries } from '../../src/queries/warm-up';
import type { SqlQuery } from '../../src/sql';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, sampleFiguresCsv } from '../util/sample-data';

describe('warmUpQueries', () => {
  it('runs every interactive family with real filter values set, and leaves the data as it was', async () => {
    const engine = await createTestEngine();
    await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
    const before = await engine.query({ text: 'SELECT count(*) AS n, sum(value_base) AS s FROM figures', params: [] });
    const sent: SqlQuery[] = [];
    await warmUpQueries((query) => {
      sent.push(query);
      return engine.runner(query);
    });
    // 1 unfiltered facets query, then facets, figures and groups for each of the two filter states.
    expect(sent).toHaveLength(7);
    const filtered = sent.slice(1);
    expect(filtered.every((q) => q.params.length > 0)).toBe(true);
    // The values come from the data: the first state's category filter matches rows.
    const categories = filtered[0]?.params.filter((p) => typeof p === 'string') ?? [];
    expect(categories.length).toBeGreaterThan(0);
    const [match] = await engine.query({ text: `SELECT count(*) AS n FROM figures WHERE category = ?`, params: [categories[0] ?? ''] });
    expect(Number(match?.n)).toBeGreaterThan(0);
    expect(await engine.query({ text: 'SELECT count(*) AS n, sum(value_base) AS s FROM figures', params: [] })).toEqual(before);
  });
});
