import { describe, expect, it } from 'vitest';
import type { ImportedCsv } from '../../src/data/import-csv';
import { EngineHost, type EngineStatus, type TableSources } from '../../src/db';
import { sql } from '../../src/sql';
import { createTestEngine } from '../util/test-db';
import { SAMPLE_DOCUMENTS_CSV, SAMPLE_FIGURES, sampleFiguresCsv } from '../util/sample-data';

const sources = async (): Promise<TableSources> => ({ figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV });

describe('the engine host', () => {
  it('starts one engine for every caller, runs queries on it, and tells its state', async () => {
    let starts = 0;
    const phases: EngineStatus['phase'][] = [];
    const host = new EngineHost(sources, async (progress, running) => {
      starts += 1;
      progress('open');
      running();
      return createTestEngine();
    });
    host.subscribe(() => phases.push(host.getStatus().phase));
    const [a, b] = await Promise.all([host.run(sql`SELECT count(*) AS n FROM figures`), host.run(sql`SELECT 1 AS one`)]);
    expect(a[0]?.n).toBe(SAMPLE_FIGURES.length);
    expect(b[0]?.one).toBe(1);
    expect(starts).toBe(1);
    await expect.poll(() => host.getStatus()).toMatchObject({ phase: 'ready', loaded: { figures: SAMPLE_FIGURES.length } });
    expect(phases.slice(0, 3)).toEqual(['starting', 'starting', 'starting']);
    // Locked once loaded: no file can be read from outside the imports directory.
    await expect(host.run(sql`SELECT * FROM read_csv('/etc/passwd')`)).rejects.toThrow();
  });

  it('keeps a failed start failed until retried, then starts again', async () => {
    let starts = 0;
    const host = new EngineHost(sources, async () => {
      starts += 1;
      if (starts === 1) throw new Error('no wasm');
      return createTestEngine();
    });
    await expect(host.run(sql`SELECT 1 AS one`)).rejects.toThrow('no wasm');
    await expect(host.run(sql`SELECT 1 AS one`)).rejects.toThrow('no wasm');
    expect(starts).toBe(1);
    expect(host.getStatus().phase).toBe('error');
    host.retry();
    expect((await host.run(sql`SELECT 1 AS one`))[0]?.one).toBe(1);
    expect(starts).toBe(2);
  });

  it('reloads the workspace on the running engine, and a failed reload leaves the tables as they were', async () => {
    let csv = sampleFiguresCsv();
    const host = new EngineHost(async () => ({ figuresCsv: csv, documentsCsv: SAMPLE_DOCUMENTS_CSV }), () => createTestEngine());
    await host.start();
    csv = sampleFiguresCsv(SAMPLE_FIGURES.slice(0, 2));
    await host.reload();
    expect((await host.run(sql`SELECT count(*) AS n FROM figures`))[0]?.n).toBe(2);
    csv = `${csv}broken,row\n`;
    await expect(host.reload()).rejects.toThrow();
    expect((await host.run(sql`SELECT count(*) AS n FROM figures`))[0]?.n).toBe(2);
    expect(host.getStatus()).toMatchObject({ phase: 'ready', loaded: { figures: 2 } });
  });

  it('says which workspace version its tables hold: none while they change, the new one once they are in', async () => {
    let stamp = 'build:1';
    let gate: Promise<void> = Promise.resolve();
    const host = new EngineHost(async () => {
      await gate;
      return { figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV, stamp };
    }, () => createTestEngine());
    expect(host.loadedWorkspace().stamp).toBeNull();
    const before = Date.now();
    await host.start();
    expect(host.loadedWorkspace().stamp).toBe('build:1');
    expect(host.loadedWorkspace().since).toBeGreaterThanOrEqual(before);
    stamp = 'build:2';
    let open = () => {};
    gate = new Promise((resolve) => (open = resolve));
    const reloading = host.reload();
    await expect.poll(() => host.getStatus().phase).toBe('reloading');
    expect(host.loadedWorkspace().stamp).toBeNull();
    open();
    await reloading;
    expect(host.loadedWorkspace().stamp).toBe('build:2');
    // A report that cannot be read leaves the tables, and says no version (its answers are not kept).
    await expect(host.append({ doc_id: 'x', figuresCsv: 'broken\n"', documentsCsv: 'doc_id\nx\n', textsCsv: 'doc_id,text\n', stamp: 'build:3' })).rejects.toThrow();
    expect(host.loadedWorkspace().stamp).toBeNull();
    expect((await host.run(sql`SELECT count(*) AS n FROM figures`))[0]?.n).toBe(SAMPLE_FIGURES.length);
  });

  it('says which kept reports a load left out, until a load includes them', async () => {
    const left = { doc_id: 'kept-1', title: '某报告', message: '更正与正文不一致' };
    let notLoaded = [left];
    // And an analyst's kept table whose text no longer reads with its columns' types.
    const broken: ImportedCsv = {
      table: 'broken', csv: 'n\nnot a number\n', delimiter: ',', columns: [{ name: 'n', type: 'BIGINT' }], rows: 1,
      importedAt: '2026-01-01T00:00:00.000Z',
    };
    const host = new EngineHost(async () => ({
      figuresCsv: sampleFiguresCsv(), documentsCsv: SAMPLE_DOCUMENTS_CSV, notLoaded, imports: async () => [broken],
    }), () => createTestEngine());
    expect(host.loadedWorkspace().notLoaded).toEqual([]);
    await host.start();
    expect(host.loadedWorkspace().notLoaded).toEqual([left]);
    expect(host.loadedWorkspace().importsNotRestored.map((i) => i.table)).toEqual(['broken']);
    notLoaded = [];
    await host.reload();
    expect(host.loadedWorkspace().notLoaded).toEqual([]);
    // A reload loads the reports again, not the analyst's tables: what the start said of them stands.
    expect(host.loadedWorkspace().importsNotRestored.map((i) => i.table)).toEqual(['broken']);
  });
});
