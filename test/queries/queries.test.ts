import { beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/db';
import {
  EMPTY_FILTERS, buildFiguresQuery, fetchDocuments, fetchFacets, fetchFigures, fetchGroups, fetchTopFigures, largestFirst,
  type FigureFilters,
} from '../../src/queries';
import { sql } from '../../src/sql';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

let engine: Awaited<ReturnType<typeof createTestEngine>>;
const sort = { column: 'id', desc: false } as const;
const filters = (f: Partial<FigureFilters>): FigureFilters => ({ ...EMPTY_FILTERS, ...f });

beforeAll(async () => {
  engine = await createTestEngine();
  await loadTables(engine, { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });
});

describe('figures query', () => {
  it('filters by several dimensions at once', async () => {
    const rows = await fetchFigures(engine.runner, { filters: filters({ category: ['investment'], base_unit: ['CNY'] }), sort });
    expect(rows.map((r) => r.id)).toEqual(['sample:0001', 'sample:0003', 'sample:0008']);
  });

  it('searches indicator, subject and quote as plain text', async () => {
    const rows = await fetchFigures(engine.runner, { filters: filters({ q: '5G基站' }), sort });
    expect(rows.map((r) => r.value_base)).toEqual([5137]);
    const percent = await fetchFigures(engine.runner, { filters: filters({ q: '%' }), sort });
    expect(percent.map((r) => r.id)).toEqual(['sample:0006']);
  });

  it('sorts by a whitelisted column and refuses any other', async () => {
    const rows = await fetchFigures(engine.runner, { filters: EMPTY_FILTERS, sort: { column: 'value_base', desc: true } });
    expect(rows[0]?.id).toBe('sample:0001');
    expect(() =>
      buildFiguresQuery({ filters: EMPTY_FILTERS, sort: { column: 'quote; DROP TABLE figures' as 'id', desc: false } }),
    ).toThrow(/Unknown column/);
  });

  it.each([["' OR 1=1 --"], ["x'; DROP TABLE figures; --"], ['"); DELETE FROM figures; --']])(
    'binds %s as a value: no rows, table intact',
    async (hostile) => {
      for (const f of [filters({ category: [hostile] }), filters({ q: hostile }), filters({ section: [hostile, 'a'] })]) {
        expect(await fetchFigures(engine.runner, { filters: f, sort })).toEqual([]);
      }
      const [count] = await engine.query(sql`SELECT count(*) AS n FROM figures`);
      expect(count?.n).toBe(SAMPLE_FIGURES.length);
    },
  );

  it('matches a subject that itself looks like SQL, literally', async () => {
    const rows = await fetchFigures(engine.runner, { filters: filters({ subject: ["Robert'); DROP TABLE figures;--"] }), sort });
    expect(rows.map((r) => r.id)).toEqual(['sample:0008']);
  });
});

describe('figures sorted by their report', () => {
  it('orders reports by title (not doc_id), keeping document order within a report', async () => {
    const two = await createTestEngine();
    // Their doc_ids (a-report, b-report) sort the other way round from their titles (Z …, A …).
    const moved = SAMPLE_FIGURES.map((f, i) => ({ ...f, doc_id: i < 3 ? 'a-report' : 'b-report' }));
    await loadTables(two, {
      figuresCsv: sampleFiguresCsv(moved),
      documentsCsv: 'doc_id,title,publisher,published,url,file,place,genre\n'
        + 'a-report,Z 最后的报告,,2022-01-01,,,,other\nb-report,A 最先的报告,,2022-01-02,,,,other\n',
    });
    const ids = async (desc: boolean) =>
      (await fetchFigures(two.runner, { filters: EMPTY_FILTERS, sort: { column: 'doc_title', desc } })).map((r) => r.id);
    const [a, b] = [moved.slice(0, 3).map((f) => f.id), moved.slice(3).map((f) => f.id)];
    expect(await ids(false)).toEqual([...b, ...a]);
    expect(await ids(true)).toEqual([...a, ...b]);
  });
});

describe('the compare view’s largest figures', () => {
  it('are the largest of each unit and overall and the kept ones, with how many the selection holds', async () => {
    const all = await fetchFigures(engine.runner, largestFirst(EMPTY_FILTERS));
    const top = await fetchTopFigures(engine.runner, { filters: EMPTY_FILTERS, perUnit: 1, overall: 2, keep: [all.at(-1)!.id] });
    // The same selection ranked here, from every figure the plain query returns.
    const units = [...new Set(all.map((f) => f.base_unit))];
    const expected = all.filter((f, i) => i < 2 || f.id === all.at(-1)!.id
      || all.find((g) => g.base_unit === f.base_unit) === f);
    expect(top.figures.map((f) => f.id)).toEqual(expected.map((f) => f.id));
    expect(top.figures.length).toBeLessThan(all.length);
    expect(top.total).toBe(all.length);
    expect(top.unitTotals).toEqual(Object.fromEntries(units.map((u) => [u, all.filter((f) => f.base_unit === u).length])));
  });

  it('rank the same with a text search (ranked off the figures themselves) and with filters (off the ranking table)', async () => {
    for (const f of [filters({ q: '投资' }), filters({ category: ['investment'], base_unit: ['CNY'] }), filters({ q: '亿', kind: ['amount'] })]) {
      const all = await fetchFigures(engine.runner, largestFirst(f));
      const top = await fetchTopFigures(engine.runner, { filters: f, perUnit: 1, overall: 2, keep: [] });
      const expected = all.filter((g, i) => i < 2 || all.find((h) => h.base_unit === g.base_unit) === g);
      expect(all.length).toBeGreaterThan(0);
      expect(top.figures.map((g) => g.id)).toEqual(expected.map((g) => g.id));
      expect(top.total).toBe(all.length);
    }
  });

  it('say nothing is there when nothing passes the filters', async () => {
    expect(await fetchTopFigures(engine.runner, { filters: filters({ subject: ['无此主体'] }), perUnit: 15, overall: 300, keep: [] }))
      .toEqual({ figures: [], total: 0, unitTotals: {} });
  });
});

describe('facets query', () => {
  it('counts each dimension under the other filters only', async () => {
    const facets = await fetchFacets(engine.runner, filters({ category: ['investment'] }));
    const categories = facets.filter((f) => f.dimension === 'category');
    expect(categories.find((c) => c.value === 'investment')?.count).toBe(4);
    expect(categories.find((c) => c.value === 'infrastructure')?.count).toBe(2);
    const units = facets.filter((f) => f.dimension === 'base_unit');
    expect(units).toEqual([
      { dimension: 'base_unit', value: 'CNY', count: 3 },
      { dimension: 'base_unit', value: 'USD', count: 1 },
    ]);
  });

  it('reports an empty period as the empty string', async () => {
    const facets = await fetchFacets(engine.runner, EMPTY_FILTERS);
    const periods = facets.filter((f) => f.dimension === 'period').map((f) => [f.value, f.count]);
    expect(periods).toEqual([['', 7], ['截至2021年10月', 1]]);
  });
});

describe('group query', () => {
  it('sums per group and base unit, never across units, and refuses to add different indicators', async () => {
    const groups = await fetchGroups(engine.runner, { filters: EMPTY_FILTERS, by: 'category', series: null, baseUnits: [] });
    const investment = groups.filter((g) => g.key === 'investment');
    expect(investment).toEqual([
      // 协议投资额, 到位资金 (of another period) and a third indicator: never one total.
      { key: 'investment', series: '', base_unit: 'CNY', count: 3, total: null, refused: 'periods', qualifier: '' },
      { key: 'investment', series: '', base_unit: 'USD', count: 1, total: 3070000000, refused: null, qualifier: '' },
    ]);
  });

  it('restricts to the requested base units', async () => {
    const groups = await fetchGroups(engine.runner, { filters: EMPTY_FILTERS, by: 'subject', series: null, baseUnits: ['m2'] });
    expect(groups).toEqual([{ key: '生态城', series: '', base_unit: 'm2', count: 1, total: 137900, refused: null, qualifier: '' }]);
  });

  it('splits groups into series by a second dimension', async () => {
    const groups = await fetchGroups(engine.runner, {
      filters: EMPTY_FILTERS, by: 'subject', series: 'category', baseUnits: ['CNY'],
    });
    expect(groups.map((g) => [g.key, g.series, g.total])).toEqual([
      ['滨海新区', 'investment', 197500000000],
      ['高新区', 'investment', 26248000000],
      ["Robert'); DROP TABLE figures;--", 'investment', 23531649],
    ]);
  });
});

describe('documents query', () => {
  it('lists the loaded documents', async () => {
    const docs = await fetchDocuments(engine.runner);
    expect(docs).toEqual([
      {
        doc_id: 'sample', title: '测试报告', publisher: '测试机构', published: '2022-08-04', url: 'https://example.org/x',
        file: 'source/sample.txt', place: '滨海新区', genre: 'rectification', added: false, hidden: false,
      },
    ]);
  });
});
