/** The targets of the benchmark and the printed table (Markdown, so it can go into the README as it is). */
import type { ScaleBenchResult } from '../../src/bench/scale-bench';
import type { Summary } from '../../src/bench/stats';
import type { InitialJs } from './bundle';
import type { InteractionResult } from './interaction';
import type { ScaleOutcome } from './scale';
import type { WorkspaceBenchResult } from './workspace';

export interface Check {
  figure: string;
  target: string;
  measured: string;
  /** null when the figure was not measured in this run (e.g. 10 M rows with --quick). */
  pass: boolean | null;
}

type MarkSummary = (Summary & { missing: number }) | null;

export interface Measured {
  firstChart: { cold: MarkSummary; warm: MarkSummary };
  firstChartDrawn: { cold: Summary; warm: Summary };
  duckdbReady: { cold: Summary; warm: Summary };
  /** The engine started alone on an empty page (cold), and the app's ready minus its paired floor load. */
  engineFloor: { cold: Summary; overFloor: Summary };
  interaction: InteractionResult;
  /** The uncached clicks' queries alone, nothing drawn (see src/bench/query-floor.ts). */
  interactionFloor: Summary;
  scale: ScaleOutcome[];
  initialJs: InitialJs;
  workspace: WorkspaceBenchResult;
}

const fmt = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const atMost = (figure: string, limit: number, value: number | undefined, show = fmt, target = `≤ ${show(limit)}`): Check =>
  value === undefined
    ? { figure, target, measured: 'not measured', pass: null }
    : { figure, target, measured: show(value), pass: value <= limit };

const queriesOf = (s: ScaleBenchResult) =>
  [['pivot', s.pivot], ['pivot view (ROLLUP)', s.pivotView], ['compare', s.compare],
    ['floor: plain sum, no meaning', s.plainSum]] as const;

const sizeName = (rows: number) => (rows >= 1e6 ? `${rows / 1e6} M` : `${rows / 1e3} k`);

/** Every target of issue #7, checked against this run's figures (medians unless it says p95). */
export function checkTargets(m: Measured): Check[] {
  const at = (rows: number) => m.scale.find((s) => s.rows === rows);
  const pivotAt = (rows: number) => {
    const s = at(rows);
    return s?.ok ? s.pivot.app.median : undefined;
  };
  const checks: Check[] = [
    atMost('first chart, cold (median; app mark, animation over)', 1000, m.firstChart.cold?.median),
    atMost('first chart drawn, cold (median)', 1000, m.firstChartDrawn.cold.median),
    atMost('DuckDB ready, cold (median)', 1500, m.duckdbReady.cold.median),
    atMost('interaction p95, uncached, settled', 50, m.interaction.uncached.settled.p95),
    atMost('interaction p95, uncached, drawn', 50, m.interaction.uncached.drawn.p95),
    atMost('interaction p95, all clicks, settled', 50, m.interaction.all.settled.p95),
    atMost('pivot at 1 M rows (group query, app, median)', 30, pivotAt(1e6)),
    atMost('pivot at 10 M rows (group query, app, median)', 300, pivotAt(1e7)),
  ];
  for (const s of m.scale) {
    if (!s.ok) {
      checks.push({ figure: `scale at ${sizeName(s.rows)} rows`, target: 'runs', measured: s.error, pass: false });
      continue;
    }
    for (const [name, q] of queriesOf(s)) {
      checks.push(atMost(`${name} app/raw at ${sizeName(s.rows)} rows`, 1.3, q.ratio, (r) => `${r.toFixed(2)}×`));
    }
  }
  checks.push(atMost('initial JS, gzip', 300_000, m.initialJs.gzipBytes, kb));
  checks.push(...workspaceChecks(m.workspace));
  return checks;
}

/** The workspace targets (issue #15): a profile holding 1,000 added reports. */
export function workspaceChecks(w: WorkspaceBenchResult): Check[] {
  const of = `workspace of ${w.reports.toLocaleString('en')} reports (${w.figures.toLocaleString('en')} figures)`;
  return [
    atMost(`${of}: first chart, new browser, caches emptied (median; app mark)`, 1000, w.firstChart?.median),
    { figure: `${of}: first chart, first start after the workspace changed (nothing kept to draw)`, target: 'recorded', measured: w.firstStart.firstChartMs === null ? 'never' : fmt(w.firstStart.firstChartMs), pass: null },
    atMost(`${of}: first chart drawn (median)`, 1000, w.firstChartDrawn.median),
    { figure: `${of}: engine ready, workspace loaded (median)`, target: 'recorded', measured: fmt(w.duckdbReady.median), pass: null },
    atMost(`${of}: filter click p95, uncached, settled`, 100, w.interaction.uncached.settled.p95),
    atMost(`${of}: filter click p95, all clicks, settled`, 100, w.interaction.all.settled.p95),
    atMost(`adding a ${w.add.chars.toLocaleString('en')}-character report (${w.add.figures} figures): extraction + load, as waited for (median of ${w.add.total.n})`, 1000, w.add.total.median),
    { figure: 'adding a report: the extraction’s own time in its worker (started as the form shows)', target: 'recorded', measured: fmt(w.add.extractionOwn.median), pass: null },
    atMost(`${of}: a metric's trend (指标), its query and points, p95 of ${w.trend.query.n} metrics`, 30, w.trend.query.p95),
    { figure: `${of}: a metric picked → its chart drawn (median)`, target: 'recorded', measured: fmt(w.trend.drawn.median), pass: null },
  ];
}

/** The workspace figures alone, as a table (`npm run bench -- --workspace-only`). */
export function formatWorkspace(w: WorkspaceBenchResult): string {
  const checks = workspaceChecks(w);
  return `${table(['Figure', 'Target', 'Measured', 'Result'], checks.map((c) => [c.figure, c.target, c.measured, verdict(c.pass)]))}

${table(['Figure', 'Median', 'p95', 'n'], [
    ['first chart (app mark)', w.firstChart ? fmt(w.firstChart.median) : 'never', w.firstChart ? fmt(w.firstChart.p95) : '—', String(w.firstChart?.n ?? 0)],
    ['first chart drawn', fmt(w.firstChartDrawn.median), fmt(w.firstChartDrawn.p95), String(w.firstChartDrawn.n)],
    ['engine ready, workspace loaded', fmt(w.duckdbReady.median), fmt(w.duckdbReady.p95), String(w.duckdbReady.n)],
    ['filter click, uncached, settled', fmt(w.interaction.uncached.settled.median), fmt(w.interaction.uncached.settled.p95), String(w.interaction.uncached.settled.n)],
    ['filter click, cached, settled', fmt(w.interaction.cached.settled.median), fmt(w.interaction.cached.settled.p95), String(w.interaction.cached.settled.n)],
    ['add: extraction (click 提取数字 → review painted)', fmt(w.add.extract.median), fmt(w.add.extract.p95), String(w.add.extract.n)],
    ['add: the extraction’s own time (worker, started as the form shows)', fmt(w.add.extractionOwn.median), fmt(w.add.extractionOwn.p95), String(w.add.extractionOwn.n)],
    ['add: load (click 保存 → status painted with the report)', fmt(w.add.load.median), fmt(w.add.load.p95), String(w.add.load.n)],
    ['指标: a metric’s query and points', fmt(w.trend.query.median), fmt(w.trend.query.p95), String(w.trend.query.n)],
    ['指标: a metric picked → its chart drawn', fmt(w.trend.drawn.median), fmt(w.trend.drawn.p95), String(w.trend.drawn.n)],
  ])}

Workspace: ${w.reports} reports, ${w.figures.toLocaleString('en')} figures, ${(w.textChars / 1e6).toFixed(1)} M characters of text, ${(w.figuresCsvBytes / 1e6).toFixed(1)} MB of figures CSV.
`;
}

const verdict = (pass: boolean | null) => (pass === null ? '—' : pass ? 'pass' : 'FAIL');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The targets table and the scale detail table. */
export function formatReport(m: Measured, checks: Check[]): string {
  const targets = table(['Figure', 'Target', 'Measured', 'Result'],
    checks.map((c) => [c.figure, c.target, c.measured, verdict(c.pass)]));
  const more = table(['Figure', 'Median', 'p95', 'n'], [
    ...(['cold', 'warm'] as const).map((k) => {
      const s = m.firstChart[k];
      return [`first chart (app mark), ${k}`, s ? fmt(s.median) : 'never', s ? fmt(s.p95) : '—', s ? `${s.n}${s.missing ? ` (${s.missing} missing)` : ''}` : '0'];
    }),
    ...(['cold', 'warm'] as const).map((k) => {
      const s = m.firstChartDrawn[k];
      return [`first chart drawn, ${k}`, fmt(s.median), fmt(s.p95), String(s.n)];
    }),
    ['DuckDB ready, cold', fmt(m.duckdbReady.cold.median), fmt(m.duckdbReady.cold.p95), String(m.duckdbReady.cold.n)],
    ['DuckDB ready, warm', fmt(m.duckdbReady.warm.median), fmt(m.duckdbReady.warm.p95), String(m.duckdbReady.warm.n)],
    ['DuckDB ready, the engine alone on an empty page (floor), cold', fmt(m.engineFloor.cold.median), fmt(m.engineFloor.cold.p95), String(m.engineFloor.cold.n)],
    ['DuckDB ready, app minus its paired floor load, cold', fmt(m.engineFloor.overFloor.median), fmt(m.engineFloor.overFloor.p95), String(m.engineFloor.overFloor.n)],
    ...(['uncached', 'cached', 'all'] as const).flatMap((k) => (['drawn', 'settled'] as const).map((w) => {
      const s = m.interaction[k][w];
      return [`interaction, ${k}, ${w}`, fmt(s.median), fmt(s.p95), String(s.n)];
    })),
    ['interaction floor: the uncached clicks\' queries alone, nothing drawn', fmt(m.interactionFloor.median), fmt(m.interactionFloor.p95), String(m.interactionFloor.n)],
  ]);
  const scale = table(['Rows', 'Query', 'Result rows', 'App median', 'Raw median', 'App/raw', 'toRows alone'],
    m.scale.flatMap((s) => !s.ok
      ? [[sizeName(s.rows), '—', '—', s.error, '—', '—', '—']]
      : queriesOf(s).map(([name, q]) =>
        [sizeName(s.rows), name, String(q.resultRows), fmt(q.app.median), fmt(q.raw.median), `${q.ratio.toFixed(2)}×`, fmt(q.toRows.median)])));
  return `${targets}\n\n${more}\n\n${scale}\n\n${formatWorkspace(m.workspace)}`;
}
