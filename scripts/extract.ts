/**
 * CLI of the figure extractor.
 *
 *   npm run extract                                   regenerate data/figures.csv from data/documents.csv
 *   npm run extract -- --in a.txt --out a.csv [--doc-id ID] [--published YYYY-MM-DD] [--place 海拉尔区] [--genre work_report]
 *                                                     date, place and genre are read from the text when not given
 *   npm run extract -- --workspace ws.json [--out a.csv]
 *                                                     the figures of every report in a workspace file (exported
 *                                                     from the browser), identical to what the browser holds
 *
 * Prints a coverage account to stderr and exits 1 if any run of digits is unaccounted for.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { coverageAccount, extractFigures, parseOverridesCsv, toFiguresCsv } from '../src/extract/index';
import { metricsCsv } from '../src/extract/metrics';
import type { FigureRow, Override } from '../src/extract/index';
import { guessMetadata, parseWorkspaceFile, reportFigures } from '../src/workspace/index';

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');

interface DocumentEntry {
  doc_id: string;
  title: string;
  published: string;
  file: string;
}

/** Extracts one text and reports its coverage; returns the rows and whether all digits were accounted for. */
function runOne(
  text: string, docId: string, meta: { published: string; title: string; place?: string; genre?: string }, overrides: Override[],
): { rows: FigureRow[]; ok: boolean } {
  const { published, title, place, genre } = meta;
  const rows = extractFigures(text, { docId, published, overrides, ...(title ? { title } : {}), ...(place ? { place } : {}), ...(genre ? { genre } : {}) });
  const account = coverageAccount(text, rows);
  const reasons = Object.entries(account.byReason)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, n]) => `${r}=${n}`)
    .join(' ');
  process.stderr.write(
    `${docId}: ${rows.length} figures; digit runs: ${account.extracted} extracted, ${account.excluded} excluded (${reasons}), ${account.unaccounted} unaccounted\n`,
  );
  for (const e of account.entries.filter((x) => x.status === 'unaccounted')) {
    const lineText = text.split('\n')[e.line - 1] ?? '';
    const col = e.start - text.lastIndexOf('\n', e.start - 1) - 1;
    process.stderr.write(`  unaccounted line ${e.line}: …${lineText.slice(Math.max(0, col - 12), col + e.digits.length + 8)}…\n`);
  }
  return { rows, ok: account.unaccounted === 0 };
}

function main(): number {
  const { values } = parseArgs({
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      'doc-id': { type: 'string' },
      published: { type: 'string' },
      place: { type: 'string' },
      genre: { type: 'string' },
      workspace: { type: 'string' },
    },
  });
  if (values.workspace) {
    const workspace = parseWorkspaceFile(readFileSync(values.workspace, 'utf8'), values.workspace);
    const rows = workspace.reports.flatMap((report) => reportFigures(report));
    for (const report of workspace.reports) {
      process.stderr.write(`${report.doc_id}: ${rows.filter((r) => r.doc_id === report.doc_id).length} figures (${report.title})\n`);
    }
    const csv = toFiguresCsv(rows);
    if (values.out) writeFileSync(values.out, csv);
    else process.stdout.write(csv);
    return 0;
  }
  if (values.in) {
    const text = readFileSync(values.in, 'utf8');
    const docId = values['doc-id'] ?? basename(values.in, extname(values.in));
    const guessed = guessMetadata(text);
    const published = values.published ?? guessed.published;
    if (published !== '' && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(published)) {
      process.stderr.write(`--published must be a date written YYYY-MM-DD, not “${published}”\n`);
      return 2;
    }
    const place = values.place ?? guessed.place;
    const genre = values.genre ?? guessed.genre;
    process.stderr.write(`${docId}: published ${published || '(unknown)'}, place ${place || '(unknown)'}, genre ${genre}${values.published && values.place ? '' : ' (read from the text where not given)'}\n`);
    const { rows, ok } = runOne(text, docId, { published, title: '', place, genre }, []);
    const csv = toFiguresCsv(rows);
    if (values.out) writeFileSync(values.out, csv);
    else process.stdout.write(csv);
    return ok ? 0 : 1;
  }
  const docs = Papa.parse<DocumentEntry>(readFileSync(resolve(DATA_DIR, 'documents.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const overrides = parseOverridesCsv(readFileSync(resolve(DATA_DIR, 'overrides.csv'), 'utf8'));
  let allOk = true;
  const rows: FigureRow[] = [];
  for (const doc of docs) {
    const text = readFileSync(resolve(DATA_DIR, doc.file), 'utf8');
    const result = runOne(text, doc.doc_id, { published: doc.published, title: doc.title }, overrides);
    rows.push(...result.rows);
    allOk &&= result.ok;
  }
  const out = values.out ?? resolve(DATA_DIR, 'figures.csv');
  writeFileSync(out, toFiguresCsv(rows));
  process.stderr.write(`wrote ${rows.length} figures to ${values.out ?? 'data/figures.csv'}\n`);
  // The metrics registry, for review beside the rules that name them.
  writeFileSync(resolve(DATA_DIR, 'metrics.csv'), metricsCsv());
  return allOk ? 0 : 1;
}

process.exitCode = main();
