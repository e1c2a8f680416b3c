import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeTableSources, withCurrentFigures } from '../../src/data/workspace-sources';
import { reportFigures, serializeWorkspace } from '../../src/workspace';
import { ROOT, fixtureReport, stored } from './helpers';

describe('npm run extract -- --workspace', () => {
  it('writes, byte for byte, the figures the browser holds for the same workspace file', async () => {
    const bulletin = await fixtureReport('county-bulletin-2023.txt');
    const [first, second] = reportFigures(bulletin);
    // A reviewed report: one figure excluded, another's indicator and class corrected.
    const reviewed = {
      ...bulletin,
      excluded: [first!.start],
      corrections: [{ start: second!.start, field: 'indicator' as const, value: '复核后的指标' }, { start: second!.start, field: 'agg' as const, value: 'stock' }],
    };
    const reports = [reviewed, await fixtureReport('work-report-2024.txt')];
    const dir = mkdtempSync(join(tmpdir(), 'workspace-'));
    writeFileSync(join(dir, 'ws.json'), serializeWorkspace(reports, []));
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/extract.ts', '--workspace', join(dir, 'ws.json'), '--out', join(dir, 'out.csv')], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'],
    });
    const cli = readFileSync(join(dir, 'out.csv'), 'utf8');

    // What the browser holds: each kept report's figures derived as the app derives them, composed for the engine.
    const held = await Promise.all(reports.map((r) => withCurrentFigures(stored(r))));
    const header = cli.slice(0, cli.indexOf('\n') + 1);
    const composed = composeTableSources({ figuresCsv: header, documentsCsv: 'doc_id\n', texts: [] }, held, []);
    expect(cli).toBe(composed.figuresCsv);

    expect(cli).not.toContain(`,${first!.start},${first!.end},`);
    expect(cli).toContain('复核后的指标');
    expect(cli.split('\n').filter((l) => l.includes(reports[1]!.doc_id)).length).toBe(reportFigures(reports[1]!).length);
  }, 60_000);
});
