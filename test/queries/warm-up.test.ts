import { describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db';
import { warmUpQueries } from '../../src/queries/warm-up';
import type { SqlQuery } from '../../src/sql';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, sampleFiguresCsv } from '../util/sample-data';

describe('warmUpQueries', () => {
  it('runs the facets, compare largest-figures and groups queries with filter values taken from the data', async () => {
    const engine = await createTestEngine();
    await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
    const sent: SqlQuery[] = [];
    await warmUpQueries((query) => {
      sent.push(query);
      return engine.runner(query);
    });
    const filtered = sent.filter((q) => q.params.length > 0);
    // Every family the views run on a click, with filters set.
    expect(filtered.some((q) => /AS dimension,[\s\S]*UNION ALL/.test(q.text))).toBe(true);
    expect(filtered.some((q) => q.text.includes('row_number() OVER (PARTITION BY base_unit'))).toBe(true);
    expect(filtered.some((q) => q.text.includes('AS honest GROUP BY ALL'))).toBe(true);
    // A metric's trend (its default places' points) and its list of places, per metric.
    const trends = filtered.filter((q) => q.text.includes('figures_metric_points'));
    expect(trends.map((q) => [...new Set(q.params)])).toEqual([['gdp'], ['gdp'], ['gdp_growth'], ['gdp_growth']]);
    // The values come from the data, so the filtered paths see rows.
    const categories = filtered[0]?.params.filter((p): p is string => typeof p === 'string') ?? [];
    expect(categories.length).toBeGreaterThan(0);
    const [match] = await engine.query({ text: 'SELECT count(*) AS n FROM figures WHERE category = ?', params: [categories[0] ?? ''] });
    expect(Number(match?.n)).toBeGreaterThan(0);
  });

  it('gives way: no further query once the app has asked for something', async () => {
    const engine = await createTestEngine();
    await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
    let sent = 0;
    let userClicked = false;
    await warmUpQueries((query) => {
      sent += 1;
      if (sent === 2) userClicked = true;
      return engine.runner(query);
    }, () => userClicked);
    expect(sent).toBe(2);
    // Asked for before it starts: nothing at all.
    let none = 0;
    await warmUpQueries((query) => {
      none += 1;
      return engine.runner(query);
    }, () => true);
    expect(none).toBe(0);
  });
});
