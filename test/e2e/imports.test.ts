import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineReady, openWhenReady, type BrowserSession } from './browser';

let s: BrowserSession;

beforeAll(async () => {
  s = await openWhenReady('/?view=sql');
});
afterAll(async () => {
  await s?.close();
});

const panel = () => s.page.getByRole('region', { name: '导入数据' });
const tables = () => s.page.locator('.wb-schema [data-table]').evaluateAll((els) => els.map((e) => e.getAttribute('data-table')));

async function runSql(text: string): Promise<string[][]> {
  await s.page.getByLabel('SQL 查询').fill(text);
  await s.page.getByRole('button', { name: '运行', exact: true }).click();
  await expect.poll(() => s.page.locator('[data-workbench]').first().getAttribute('data-workbench'), { timeout: 15_000 }).toBe('done');
  return s.page.locator('.wb-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('[role=cell]')].map((c) => c.textContent ?? '')));
}

describe('importing a table in Chromium', () => {
  it('imports pasted tab-separated text, queries it, and finds it again after a reload', async () => {
    await panel().getByLabel('表名').fill('districts');
    await panel().getByLabel('粘贴 CSV').fill('district\tprojects\n滨海\t12\n高新区\t7\n');
    await panel().getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => panel().locator('[data-import]').getAttribute('data-import')).toBe('done');
    expect(await panel().locator('[data-import]').textContent()).toContain('已导入表 districts：2 行，2 列');
    await expect.poll(tables).toContain('districts');
    expect(await runSql('SELECT district, projects * 2 AS doubled FROM districts ORDER BY projects')).toEqual([['高新区', '14'], ['滨海', '24']]);

    await s.page.reload();
    await engineReady(s.page);
    await expect.poll(tables).toContain('districts');
    expect(await panel().locator('[data-imported="districts"]').textContent()).toContain('2 行 · 2 列');
    expect(await runSql('SELECT sum(projects) AS n FROM districts')).toEqual([['19']]);
  });

  it('refuses a malformed text before it reaches the engine, naming its row and column, and keeps the draft', async () => {
    await panel().getByLabel('表名').fill('districts');
    await panel().getByLabel('粘贴 CSV').fill('district,projects\n滨海,12\n高新区\n');
    await panel().getByRole('button', { name: '导入', exact: true }).click();
    const alert = panel().locator('[data-import="failed"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('第 3 行，第 2 列（projects）');
    // The earlier table of that name is untouched, and the paste survives a reload for the analyst to fix.
    expect(await runSql('SELECT count(*) AS n FROM districts')).toEqual([['2']]);
    await s.page.reload();
    await engineReady(s.page);
    expect(await panel().getByLabel('粘贴 CSV').inputValue()).toBe('district,projects\n滨海,12\n高新区\n');
    expect(await runSql('SELECT count(*) AS n FROM districts')).toEqual([['2']]);
  });

  it('asks before replacing a table imported earlier, and leaves it as it was when told no', async () => {
    await panel().getByLabel('表名').fill('districts');
    await panel().getByLabel('粘贴 CSV').fill('district,projects\n东疆,3\n');
    const asked = new Promise<string>((resolve) => s.page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
    await panel().getByRole('button', { name: '导入', exact: true }).click();
    expect(await asked).toContain('districts');
    expect(await runSql('SELECT count(*) AS n FROM districts')).toEqual([['2']]);
    expect(await panel().getByLabel('粘贴 CSV').inputValue()).toBe('district,projects\n东疆,3\n');
  });

  it('imports a chosen file under a name taken from the file, and drops a table on request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'figures-board-import-'));
    const file = join(dir, 'Budget 2023.csv');
    writeFileSync(file, 'item,amount\n"roads, bridges",1.5\nschools,2.25\n');
    await panel().getByLabel('表名').fill('');
    await panel().locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => panel().locator('[data-import]').getAttribute('data-import')).toBe('done');
    expect(await runSql('SELECT item, amount FROM budget_2023 ORDER BY amount')).toEqual([['roads, bridges', '1.5'], ['schools', '2.25']]);
    s.page.once('dialog', (d) => void d.accept());
    await panel().getByRole('button', { name: '删除导入的表 budget_2023' }).click();
    await expect.poll(tables).not.toContain('budget_2023');
    expect(await tables()).toContain('districts');
    expect(s.problems).toEqual([]);
  });

  it('says which kept table a start could not load again (and loads the others)', async () => {
    // A table kept by an earlier visit whose text no longer reads with its columns' types.
    await s.page.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('figures-board');
      open.onsuccess = () => {
        const tx = open.result.transaction('imports', 'readwrite');
        tx.objectStore('imports').put({
          table: 'stale', csv: 'n\nnot a number\n', delimiter: ',', columns: [{ name: 'n', type: 'BIGINT' }], rows: 1,
          importedAt: '2026-01-01T00:00:00.000Z',
        });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await s.page.reload();
    await engineReady(s.page);
    const said = panel().getByRole('alert').filter({ hasText: '上次导入的表 stale 未能重新载入' });
    await expect.poll(() => said.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(tables).toContain('districts');
  });
});
