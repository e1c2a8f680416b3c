/**
 * The benchmark (issue #7).
 *
 *   npm run bench                 5 cold loads (+ 5 warm), 60 + 30 filter clicks, 100 k / 1 M / 10 M rows
 *   npm run bench -- --quick      1 load, 30 + 10 clicks, 100 k rows: fast enough for CI
 *   npm run bench -- --out FILE   write the results elsewhere
 *
 * Builds the app and the scale page into bench/dist, serves them with `vite preview`, drives headless
 * Chromium, prints a Markdown table (target, measured, pass/fail) and writes the figures as JSON:
 * bench/results.json, or bench/runs/quick-results.json with --quick. Exits 1 only when the harness itself
 * fails; a missed target is a result, not an error.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { summarize } from '../src/bench/stats';
import { ensureChromium } from './ensure-chromium.mjs';
import { initialJs } from './bench/bundle';
import { cpuProbeMs } from './bench/cpu-probe';
import { measureInteraction } from './bench/interaction';
import { measureEngineFloor, measureLoad, measureQueryFloor, type LoadRun } from './bench/load';
import { checkTargets, formatReport, formatWorkspace } from './bench/report';
import { measureScale, type ScaleOutcome } from './bench/scale';
import { buildAndServeApp, buildAndServeBenchPages } from './bench/serve';
import { measureWorkspace } from './bench/workspace';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false }, out: { type: 'string' },
    /** Only the workspace figures (1,000 added reports), written to bench/runs/workspace-results.json. */
    'workspace-only': { type: 'boolean', default: false },
  },
});
const quick = args.quick ?? false;
const plan = quick
  ? { loads: 1, clicks: { uncached: 30, cached: 10 }, sizes: [[100_000, 10]] }
  : { loads: 5, clicks: { uncached: 60, cached: 30 }, sizes: [[100_000, 20], [1_000_000, 10], [10_000_000, 5]] };
const workspacePlan = quick
  ? { reports: 100, starts: 1, clicks: { uncached: 10, cached: 5 }, addChars: 50_000, adds: 1 }
  : { reports: 1000, starts: 3, clicks: { uncached: 30, cached: 10 }, addChars: 50_000, adds: 3 };
const outFile = args.out ?? (quick ? 'bench/runs/quick-results.json' : 'bench/results.json');

/** Summary of the loads where the app's mark came (null when it never did: reported, not hidden). */
function summarizeMarks(values: (number | null)[]) {
  const seen = values.filter((v): v is number => v !== null);
  return seen.length === 0 ? null : { ...summarize(seen), missing: values.length - seen.length };
}

const log = (message: string) => console.error(`[bench] ${message}`);

/** Runs every size; if the largest fails, halves it until a size works (reporting both). */
async function scaleRuns(chromium: string, pageUrl: string): Promise<ScaleOutcome[]> {
  const outcomes: ScaleOutcome[] = [];
  for (const [rows, reps] of plan.sizes as [number, number][]) {
    log(`scale: ${rows.toLocaleString('en')} rows`);
    const outcome = await measureScale(chromium, pageUrl, { rows, reps });
    outcomes.push(outcome);
    if (!outcome.ok) log(`scale: ${rows} rows failed: ${outcome.error}`);
  }
  const largest = outcomes.at(-1);
  const previous = outcomes.at(-2)?.rows ?? 0;
  if (largest && !largest.ok) {
    for (let rows = largest.rows / 2; rows > previous; rows /= 2) {
      log(`scale: retrying at ${rows.toLocaleString('en')} rows`);
      const outcome = await measureScale(chromium, pageUrl, { rows: Math.round(rows), reps: 5 });
      outcomes.push(outcome);
      if (outcome.ok) break;
    }
  }
  return outcomes;
}

/** The workspace figures alone (`--workspace-only`): quicker to compare two builds of the start-up path. */
async function workspaceOnly(): Promise<number> {
  const chromium = ensureChromium({ log });
  const app = await buildAndServeApp();
  try {
    const result = await measureWorkspace(chromium, app.baseUrl, workspacePlan, log);
    const file = args.out ?? 'bench/runs/workspace-results.json';
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), cpuProbeMs: cpuProbeMs(), workspace: result }, null, 2)}\n`);
    console.log(formatWorkspace(result));
    return 0;
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  if (args['workspace-only']) return workspaceOnly();
  const started = Date.now();
  const phaseMs: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      phaseMs[name] = Date.now() - t0;
    }
  };
  const loadBefore = loadavg();
  const probeBefore = cpuProbeMs();
  const chromium = ensureChromium({ log });
  log('building the app and the benchmark pages');
  const [app, benchPages] = await phase('build', async () => [await buildAndServeApp(), await buildAndServeBenchPages()] as const);
  try {
    const js = initialJs(app.outDir);
    // Each app load is paired with a cold load of the engine alone, in alternating order: the machine's speed
    // drifts, and a pair is measured under the same conditions.
    const floorProblems: string[] = [];
    const { loads, floors } = await phase('load', async () => {
      const runs: LoadRun[] = [];
      const readies: number[] = [];
      const floor = async () => {
        const f = await measureEngineFloor(chromium, `${benchPages.baseUrl}/bench/engine.html`);
        readies.push(f.readyMs);
        floorProblems.push(...f.problems);
      };
      for (let i = 0; i < plan.loads; i++) {
        log(`page load ${i + 1}/${plan.loads}`);
        if (i % 2 === 1) await floor();
        runs.push(await measureLoad(chromium, app, i === 0));
        if (i % 2 === 0) await floor();
      }
      return { loads: runs, floors: readies };
    });
    log(`interaction: ${plan.clicks.uncached} + ${plan.clicks.cached} clicks`);
    const interaction = await phase('interaction', () => measureInteraction(chromium, app.baseUrl, plan.clicks));
    log('interaction floor: the same states\' queries, nothing drawn');
    const queryFloor = await phase('interactionFloor', () => measureQueryFloor(
      chromium, `${benchPages.baseUrl}/bench/engine.html`, interaction.samples.uncached.map((c) => c.state)));
    floorProblems.push(...queryFloor.problems);
    const scale = await phase('scale', () => scaleRuns(chromium, `${benchPages.baseUrl}/bench/bench.html`));
    if (!scale[0]?.ok) throw new Error(`The scale page failed at the smallest size: ${JSON.stringify(scale[0])}`);
    const workspace = await phase('workspace', () => measureWorkspace(chromium, app.baseUrl, workspacePlan, log));

    const measured = {
      firstChart: { cold: summarizeMarks(loads.map((l) => l.cold.firstChartMs)), warm: summarizeMarks(loads.map((l) => l.warm.firstChartMs)) },
      firstChartDrawn: { cold: summarize(loads.map((l) => l.cold.firstChartDrawnMs)), warm: summarize(loads.map((l) => l.warm.firstChartDrawnMs)) },
      duckdbReady: { cold: summarize(loads.map((l) => l.cold.duckdbReadyMs)), warm: summarize(loads.map((l) => l.warm.duckdbReadyMs)) },
      engineFloor: {
        cold: summarize(floors),
        overFloor: summarize(loads.map((l, i) => l.cold.duckdbReadyMs - (floors[i] as number))),
      },
      interaction, interactionFloor: summarize(queryFloor.samples), scale, initialJs: js, workspace,
    };
    const checks = checkTargets(measured);
    const probeAfter = cpuProbeMs();
    const results = {
      meta: {
        date: new Date().toISOString(),
        quick,
        command: quick ? 'npm run bench -- --quick' : 'npm run bench',
        machine: {
          cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryBytes: totalmem(),
          os: `${osType()} ${release()}`, loadAverageBefore: loadBefore, loadAverageAfter: loadavg(),
          cpuProbeMs: { before: probeBefore, after: probeAfter },
        },
        node: process.version,
        chromium: execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
        notes: [
          'Medians over the runs unless a figure says p95; cold = fresh browser profile, warm = second navigation in the same profile.',
          'duckdb_ready_floor_ms: cold loads of bench/engine.html, the app\'s own engine start (same worker, wasm, data files and tables) on a page with nothing else, each paired with one app load in alternating order; overFloor = app ready minus its pair\'s floor. The floor is what the machine allows at that moment: the app can only add to it.',
          'interaction_floor_ms: on a fresh floor page (engine and report only, warmed up as the app warms it), the compare view\'s two queries per click (figures, then cross-filter counts, through the app\'s runner and statement cache) for the same states the uncached clicks reached, in the same order, 150 ms apart, nothing drawn: from sending them to both answers converted to rows.',
          'first_chart_ms is the app\'s figures-board:first-chart mark (ECharts finished: the first chart\'s initial animation is over); first_chart_drawn_ms is when the first chart instance had drawn its option (the animation starts), observed by the benchmark.',
          'Interaction: "uncached" clicks reach filter states never seen before (DuckDB queried); "cached" clicks toggle between two seen states (TanStack Query cache). "drawn" = every visible chart\'s setOption returned after the click; "settled" = every visible chart fired figures-board:chart-rendered (ECharts finished, update animations included). A quiet window after the last event is not counted.',
          'Scale: synthetic figures tables generated in DuckDB (13 categories, 50 subjects, 8 base units). pivot = fetchGroups by subject with category series, CNY only; pivotView = fetchPivot rows category × columns subject, sum, CNY, with ROLLUP totals; compare = fetchFigures for one category and one subject, sorted by value_base. app = through the app runner (prepared statement + toRows + typed rows); raw = the same SQL and parameters prepared on the engine\'s DuckDB connection, no conversion. One warm-up each, then app and raw alternate.',
          'Bundle: initial JS = the entry script and modulepreload links of index.html (gzip: node zlib, default level); coldLoadFetched = what the preview server sent during the first cold load (HEAD requests carry no body).',
          'A shared 2-core machine: other processes may have been running (see the load averages). cpuProbeMs times a fixed single-threaded loop in Node before and after the run (median of 3): the machine\'s speed at the time; compare runs made at similar values.',
        ],
      },
      wallMs: 0,
      phaseMs,
      first_chart_ms: measured.firstChart,
      first_chart_drawn_ms: measured.firstChartDrawn,
      duckdb_ready_ms: measured.duckdbReady,
      duckdb_ready_floor_ms: measured.engineFloor,
      load_samples: loads.map(({ cold, warm }) => ({ cold, warm })),
      interaction_p95_ms: {
        uncached_settled: interaction.uncached.settled.p95, uncached_drawn: interaction.uncached.drawn.p95,
        all_settled: interaction.all.settled.p95, all_drawn: interaction.all.drawn.p95,
      },
      interaction_floor_ms: { queriesOnly: measured.interactionFloor, samples: queryFloor.samples },
      interaction: { measuredOn: '?view=compare (bars), the report\'s data', ...interaction },
      scale,
      bundle: {
        initialJs: js,
        coldLoadFetched: loads[0]?.fetched ?? null,
        jsHeapAfterLoad: loads[0]?.heap ?? null,
      },
      workspace,
      pageProblems: [...loads.flatMap((l) => l.problems), ...floorProblems, ...interaction.problems, ...workspace.problems],
      targets: checks,
    };
    results.wallMs = Date.now() - started;
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(formatReport(measured, checks));
    console.log(`\nMachine speed probe (a fixed loop, lower is faster): ${probeBefore} ms before the run, ${probeAfter} ms after.`);
    log(`wrote ${outFile} in ${(results.wallMs / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await Promise.all([app.close(), benchPages.close()]);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
