import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineReady, openWhenReady, type BrowserSession } from './browser';

const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/work-report-2024.txt'), 'utf8');
const BINHAI = 'binhai-2022-08-04';
const BINHAI_FIGURES = 333;

let s: BrowserSession;
/** What the page asked (confirm dialogs), in order. */
const asked: string[] = [];

beforeAll(async () => {
  s = await openWhenReady('/?view=reports');
  // Removing, hiding and adding a text kept already ask first: the analyst says yes.
  s.page.on('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
});
afterAll(async () => {
  await s?.close();
});

const status = () => s.page.locator('.engine-status').textContent();
const textBox = () => s.page.getByLabel('粘贴报告正文');
const alertText = () => s.page.getByRole('alert').first().textContent();
/** The draft kept in IndexedDB: its step, title and text length ('' and -1 when there is none). */
const keptDraft = () => s.page.evaluate(() => new Promise<{ step: string; title: string; length: number }>((resolve) => {
  const none = { step: '', title: '', length: -1 };
  const open = indexedDB.open('figures-board');
  open.onsuccess = () => {
    const get = open.result.transaction('settings').objectStore('settings').get('draft');
    get.onsuccess = () => {
      const draft = get.result as { step?: string; text?: string; meta?: { title?: string } } | undefined;
      resolve(draft ? { step: draft.step ?? '', title: draft.meta?.title ?? '', length: draft.text?.length ?? -1 } : none);
      open.result.close();
    };
    get.onerror = () => resolve(none);
  };
  open.onerror = () => resolve(none);
}));
/** The length of the draft's text kept in IndexedDB (-1 when there is none). */
const keptDraftLength = async () => (await keptDraft()).length;
/** The workspace version of the answers kept for the next visit (a file of the origin's own), or null. */
const keptAnswersVersion = () => s.page.evaluate(async () => {
  try {
    const start = await (await navigator.storage.getDirectory()).getDirectoryHandle('start');
    const { stamp } = JSON.parse(await (await (await start.getFileHandle('answers.json')).getFile()).text()) as { stamp: string };
    return Number(stamp.split(':').at(-1));
  } catch {
    return null;
  }
});
const table = () => s.page.getByTestId('reports-table');
/** The review table's rendered rows (it renders those in its scrolled view, and a few beyond). */
const reviewRows = () => s.page.getByTestId('review-table').locator('tbody tr[data-start]');
/** How many figures the review table lists, rendered or not. */
const reviewCount = async () => Number(await s.page.getByTestId('review-table').getAttribute('aria-rowcount', { timeout: 1_000 }).catch(() => '1')) - 1;

async function goto(path: string): Promise<void> {
  await s.page.goto(`${s.baseUrl}${path}`);
  await engineReady(s.page);
}

/** Adds the number at [from, to) of the text under review as a figure: selected in the full text, then added. */
async function addFromFullText(from: number, to: number): Promise<void> {
  await s.page.getByText('全文：选择遗漏的数字').click();
  await s.page.getByTestId('full-text').evaluate((box, [start, end]) => {
    const range = document.createRange();
    range.setStart(box.firstChild!, start!);
    range.setEnd(box.firstChild!, end!);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  }, [from, to]);
  await s.page.getByRole('button', { name: '加入选中的数字' }).click();
}

describe('a workspace of reports in Chromium', () => {
  let docId = '';
  let addedFigures = 0;

  it('lists the shipped report and says in words what is loaded', async () => {
    await table().locator(`[data-doc="${BINHAI}"]`).waitFor();
    expect(await table().locator(`[data-doc="${BINHAI}"]`).textContent()).toContain(String(BINHAI_FIGURES));
    await expect.poll(status).toBe(`数据就绪 · 1 份报告 · ${BINHAI_FIGURES} 个数字`);
  });

  it('adds a pasted report: metadata guessed and required, figures reviewed, and the review survives a reload', async () => {
    await s.page.getByRole('button', { name: '添加报告' }).click();
    await s.page.getByLabel('粘贴报告正文').fill(FIXTURE);
    // What was pasted survives a reload before anything else is done with it.
    await expect.poll(keptDraftLength, { timeout: 10_000 }).toBe(FIXTURE.length);
    await s.page.reload();
    await expect.poll(() => s.page.getByLabel('粘贴报告正文').inputValue(), { timeout: 20_000 }).toBe(FIXTURE);
    await s.page.getByRole('button', { name: '下一步' }).click();
    expect(await s.page.getByLabel(/^标题/).inputValue()).toBe('某某市2024年政府工作报告');
    expect(await s.page.getByLabel(/^发布日期/).inputValue()).toBe('2024-01-20');
    await s.page.getByLabel(/^地区/).fill('');
    await s.page.getByRole('button', { name: '提取数字' }).click();
    expect(await s.page.getByRole('alert').textContent()).toBe('请填写：地区');
    await s.page.getByLabel(/^地区/).fill('某某市');
    await s.page.getByRole('button', { name: '提取数字' }).click();

    await expect.poll(reviewCount, { timeout: 20_000 }).toBeGreaterThan(5);
    const found = await reviewCount();
    expect(await s.page.getByTestId('coverage').textContent()).toContain(`找到 ${found} 个数字`);
    // Exclude the first figure (680.5亿元), correct the second's indicator.
    expect(await reviewRows().nth(0).locator('td.num').first().textContent()).toBe('680.5亿元');
    await reviewRows().nth(0).getByRole('checkbox').uncheck();
    const indicator = reviewRows().nth(1).getByLabel('指标', { exact: true });
    await indicator.fill('地区生产总值增速（复核）');
    await indicator.press('Enter');
    await expect.poll(() => s.page.getByTestId('coverage').textContent()).toContain('已排除 1 个 · 已更正 1 处');

    await s.page.reload();
    await expect.poll(reviewCount, { timeout: 20_000 }).toBe(found);
    expect(await reviewRows().nth(0).getByRole('checkbox').isChecked()).toBe(false);
    expect(await reviewRows().nth(1).getByLabel('指标', { exact: true }).inputValue()).toBe('地区生产总值增速（复核）');

    // A number the rules left out (二、2024年主要目标: a year in a heading) is added by selecting it in the text.
    const at = FIXTURE.indexOf('2024年主要目标');
    await addFromFullText(at, at + 5);
    await expect.poll(reviewCount, { timeout: 20_000 }).toBe(found + 1);
    expect(await s.page.locator(`[data-testid="review-table"] tr[data-start="${at}"] td.num`).first().textContent()).toBe('2024年');

    await s.page.getByRole('button', { name: '保存到工作区' }).click();
    const notice = s.page.locator('.notice');
    await notice.waitFor({ timeout: 30_000 });
    addedFigures = found;
    expect(await notice.textContent()).toBe(`已保存“某某市2024年政府工作报告”：${addedFigures} 个数字已载入各视图。`);
    await expect.poll(status).toBe(`数据就绪 · 2 份报告 · ${BINHAI_FIGURES + addedFigures} 个数字`);
    docId = (await table().locator('tbody tr').nth(0).getAttribute('data-doc')) ?? '';
    expect(docId).toMatch(/^2024-01-20-[0-9a-f]{8}$/);
  });

  it('shows the added report in the explorer, with its correction, without its excluded figure, traced to its text', async () => {
    await goto(`/?view=explorer&doc_id=${docId}`);
    const rows = s.page.locator('.ft-row');
    await expect.poll(() => s.page.locator('.figure-table[aria-busy="false"]').count()).toBe(1);
    await expect.poll(() => rows.count()).toBe(addedFigures);
    const text = await s.page.locator('.figure-table').textContent();
    expect(text).toContain('地区生产总值增速（复核）');
    expect(text).not.toContain('680.5亿元');
    await rows.first().click();
    await expect.poll(() => s.page.getByTestId('provenance-paragraph').textContent()).toContain('全市地区生产总值完成680.5亿元');
    expect(await s.page.getByTestId('provenance-paragraph').locator('mark').textContent()).toBe('6.1%');
  });

  it('picks reports in the header: the filtered views show only the picked one', async () => {
    await goto('/?view=compare');
    await s.page.getByTestId('report-picker').locator('summary').click();
    await s.page.getByTestId('report-picker').getByLabel('某某市2024年政府工作报告').check();
    await expect.poll(() => new URL(s.page.url()).searchParams.getAll('doc_id')).toEqual([docId]);
    await expect.poll(() => s.page.locator('[data-facet="subject"] button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-value'))))
      .not.toContain('滨海新区');
  });

  it('exports the workspace, and a removed report comes back from the file', async () => {
    await goto('/?view=reports');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: '导出工作区' }).click()]);
    const file = (await download.path())!;
    const json = JSON.parse(readFileSync(file, 'utf8')) as { reports: { doc_id: string; excluded: number[]; corrections: unknown[] }[] };
    expect(json.reports.map((r) => [r.doc_id, r.excluded.length, r.corrections.length])).toEqual([[docId, 1, 1]]);
    expect((json.reports[0] as unknown as { included: number[] }).included).toEqual([FIXTURE.indexOf('2024年主要目标')]);

    await table().locator(`[data-doc="${docId}"]`).getByRole('button', { name: '删除' }).click();
    await expect.poll(status).toBe(`数据就绪 · 1 份报告 · ${BINHAI_FIGURES} 个数字`);
    await expect.poll(() => table().locator(`[data-doc="${docId}"]`).count()).toBe(0);

    await s.page.getByTestId('workspace-file').setInputFiles(file);
    await expect.poll(status, { timeout: 30_000 }).toBe(`数据就绪 · 2 份报告 · ${BINHAI_FIGURES + addedFigures} 个数字`);
    expect(await s.page.locator('.notice').textContent()).toBe('已导入 1 份报告。');
  });

  it('reads a saved web page and a Word file into the text box: the article, not the site around it', async () => {
    await s.page.getByRole('button', { name: '添加报告' }).click();
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>x</title><script>window.__ran = 1</script></head><body>
      <nav><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">通知公告</a></nav>
      <article><h1>某某区2023年招商引资工作总结</h1><p>发布时间：2024-02-01 来源：某某区投资促进局</p>
      <h2>一、总体情况</h2><p>全年新签约项目48个，协议投资额约560亿元。</p>
      <table><tr><td>指标</td><td>数值</td></tr><tr><td>到位资金</td><td>120亿元</td></tr></table></article>
      <footer>版权所有 联系电话 0571-12345678</footer></body></html>`;
    await s.page.getByTestId('report-file').setInputFiles({ name: 'summary.html', mimeType: 'text/html', buffer: Buffer.from(page) });
    await expect.poll(() => s.page.getByLabel('粘贴报告正文').inputValue()).toContain('全年新签约项目48个，协议投资额约560亿元。');
    const text = await s.page.getByLabel('粘贴报告正文').inputValue();
    expect(text.split('\n').slice(0, 3)).toEqual(['某某区2023年招商引资工作总结', '发布时间：2024-02-01 来源：某某区投资促进局', '一、总体情况']);
    expect(text).toMatch(/到位资金\t120亿元/);
    expect(text).not.toMatch(/首页|版权所有|__ran/);

    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
      + '<w:p><w:r><w:t>某某镇2023年工作报告</w:t></w:r></w:p><w:p><w:r><w:t>全镇新增就业</w:t></w:r><w:r><w:t>1200人。</w:t></w:r></w:p></w:body></w:document>');
    await s.page.getByTestId('report-file').setInputFiles({
      name: 'report.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await zip.generateAsync({ type: 'uint8array' })),
    });
    await expect.poll(() => s.page.getByLabel('粘贴报告正文').inputValue()).toBe('某某镇2023年工作报告\n全镇新增就业1200人。');
    await s.page.getByRole('button', { name: '放弃' }).click();
    await table().waitFor();
  });

  it('hides the shipped report and shows it again; a broken workspace file is refused naming the field', async () => {
    // The answers drawn are kept for the next visit under the workspace's version, and kept again under the new
    // one after a change.
    await expect.poll(keptAnswersVersion, { timeout: 15_000 }).toBeGreaterThan(0);
    const version = (await keptAnswersVersion()) ?? 0;
    await table().locator(`[data-doc="${BINHAI}"]`).getByRole('button', { name: '隐藏' }).click();
    await expect.poll(status).toBe(`数据就绪 · 1 份报告 · ${addedFigures} 个数字`);
    await expect.poll(keptAnswersVersion, { timeout: 15_000 }).toBe(version + 1);
    await s.page.reload();
    await engineReady(s.page);
    await expect.poll(status).toBe(`数据就绪 · 1 份报告 · ${addedFigures} 个数字`);
    await table().locator(`[data-doc="${BINHAI}"]`).getByRole('button', { name: '显示' }).click();
    await expect.poll(status).toBe(`数据就绪 · 2 份报告 · ${BINHAI_FIGURES + addedFigures} 个数字`);

    await s.page.getByTestId('workspace-file').setInputFiles({
      name: 'broken.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'figures-board-workspace', version: 1, reports: [{ doc_id: 'x' }], hidden: [] })),
    });
    await expect.poll(() => s.page.getByRole('alert').first().textContent()).toContain('broken.json：第 1 份报告的 genre 应为文本');
    await expect.poll(status).toBe(`数据就绪 · 2 份报告 · ${BINHAI_FIGURES + addedFigures} 个数字`);
  });
  it('refuses bad input at the first step with the reason, and keeps what was typed', async () => {
    await s.page.getByRole('button', { name: '添加报告' }).click();
    await s.page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(alertText).toContain('请粘贴报告正文或选择文件');
    const typed = '某某县2023年工作总结\n全县各项工作稳步推进。';
    await textBox().fill(typed.replace('2023', ''));
    await s.page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(alertText).toContain('正文里没有任何数字');
    await textBox().fill(typed);

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const refused: [{ name: string; mimeType: string; buffer: Buffer }, string][] = [
      [{ name: 'chart.png', mimeType: 'image/png', buffer: png }, 'chart.png：这是图片，里面没有可读取的文字'],
      [{ name: 'data.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK\x03\x04\0\0') },
        'data.xlsx：不能读取 .xlsx 文件'],
      [{ name: 'dump', mimeType: 'application/octet-stream', buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0, 0, 0]) }, 'dump：不是文本文件（含有二进制数据）'],
      // 20 MB of text: refused by its size before it is read, naming the size and the limit.
      [{ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024, '全县新增企业120家。\n') },
        'huge.txt 有 20.0 MB，超过上限：正文最多 100 万字，文本文件最大 3.8 MB'],
    ];
    for (const [file, message] of refused) {
      await s.page.getByTestId('report-file').setInputFiles(file);
      await expect.poll(alertText).toContain(message);
      expect(await textBox().inputValue()).toBe(typed);
    }
    await s.page.getByRole('button', { name: '放弃' }).click();
    await table().waitFor();
  });

  it('asks about a text kept already (same SHA-256) and opens the kept report for review', async () => {
    await s.page.getByRole('button', { name: '添加报告' }).click();
    await textBox().fill(FIXTURE);
    await s.page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => s.page.locator('#add-report-heading').textContent()).toBe('审阅：某某市2024年政府工作报告');
    expect(asked.at(-1)).toContain('这份正文已在工作区中：“某某市2024年政府工作报告”');
    // The kept review: its rules' figures, the one added from the text, the exclusion and the correction.
    await expect.poll(reviewCount).toBe(addedFigures + 1);
    expect(await s.page.getByTestId('coverage').textContent()).toContain('已排除 1 个 · 已更正 1 处');
    await s.page.getByRole('button', { name: '放弃' }).click();
    await table().waitFor();
    await expect.poll(status).toBe(`数据就绪 · 2 份报告 · ${BINHAI_FIGURES + addedFigures} 个数字`);
  });

  it('says a text has no figures and refuses to save it; a number with no unit is added from the text', async () => {
    const text = '某某县2023年工作总结\n发布日期：2024-01-05\n2023年，全县综合考核得分92.5，排名保持前列。';
    await s.page.getByRole('button', { name: '添加报告' }).click();
    await textBox().fill(text);
    await s.page.getByRole('button', { name: '下一步' }).click();
    await s.page.getByLabel(/^标题/).fill('某某县2023年工作总结');
    await s.page.getByLabel(/^地区/).fill('某某县');
    await s.page.getByLabel(/^发布日期/).fill('2024-01-05');
    await s.page.getByRole('button', { name: '提取数字' }).click();
    await expect.poll(() => s.page.getByTestId('coverage').textContent()).toContain('找到 0 个数字');
    expect(await alertText()).toContain('这份正文里没有找到数字');
    expect(await s.page.getByRole('button', { name: '保存到工作区' }).isDisabled()).toBe(true);

    const at = text.indexOf('92.5');
    await addFromFullText(at, at + 4);
    expect(await s.page.locator('.full-text [role="status"]').textContent()).toBe('已加入 92.5（后面没有单位，按个数计），正在重新提取…');
    await expect.poll(reviewCount).toBe(1);
    expect(await reviewRows().count()).toBe(1);
    expect(await reviewRows().first().locator('td.num').first().textContent()).toBe('92.5');
    expect(await s.page.getByRole('button', { name: '保存到工作区' }).isDisabled()).toBe(false);
    expect(await s.page.getByRole('alert').count()).toBe(0);
    await s.page.getByRole('button', { name: '放弃' }).click();
    await table().waitFor();
  });

  it('extracts a long text in a worker with its progress: it can be cancelled, and a reload mid-extraction resumes it', { timeout: 120_000 }, async () => {
    const binhai = readFileSync(join(import.meta.dirname, '../../data/source/binhai-2022-08-04.txt'), 'utf8');
    const copies: string[] = [];
    for (let i = 1; copies.join('').length < 950_000; i++) copies.push(`${binhai.replaceAll('滨海新区', `第${i}区`)}\n`);
    const long = copies.join('').slice(0, 950_000);
    await s.page.getByRole('button', { name: '添加报告' }).click();
    // Chosen as a file: typing a text this long into the box takes Chromium far longer than reading it.
    await s.page.getByTestId('report-file').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(long) });
    await expect.poll(keptDraftLength, { timeout: 30_000 }).toBe(long.length);
    await s.page.getByRole('button', { name: '下一步' }).click();
    await s.page.getByLabel(/^标题/).fill('长文本');
    await s.page.getByLabel(/^地区/).fill('第1区');
    await s.page.getByLabel(/^发布日期/).fill('2022-08-04');

    const progress = s.page.getByTestId('extract-progress');
    // Cancelled as soon as it shows (the extraction itself takes about a second: waiting for its progress first
    // would race its end).
    await s.page.getByRole('button', { name: '提取数字' }).click();
    await s.page.getByRole('button', { name: '取消提取' }).click();
    await s.page.getByRole('button', { name: '提取数字' }).waitFor();
    expect(await reviewRows().count()).toBe(0);

    // Another title: the extraction the form started ahead (for the old one) is not the one asked for now.
    await s.page.getByLabel(/^标题/).fill('长文本（二）');
    await s.page.getByRole('button', { name: '提取数字' }).click();
    await expect.poll(() => progress.textContent({ timeout: 200 }).catch(() => ''), { interval: 20 }).toMatch(/^正在提取：\d{1,3}%取消提取$/);
    // The step is kept as the click is made, but writing a 950,000-character draft takes a moment: a reload before
    // it is written comes back at the form (as the previous kept state), which is not what this test is about.
    await expect.poll(keptDraft, { timeout: 10_000 }).toEqual({ step: 'review', title: '长文本（二）', length: long.length });
    await s.page.reload();
    // The draft comes back at its step and is extracted again; the table lists every figure, rendering those in
    // its view: scrolled to its end, the last figure is there.
    await expect.poll(() => s.page.getByTestId('coverage').textContent().catch(() => ''), { timeout: 60_000 }).toMatch(/找到 \d{4,} 个数字/);
    const found = Number(/找到 (\d+) 个数字/.exec((await s.page.getByTestId('coverage').textContent()) ?? '')?.[1]);
    expect(found).toBeGreaterThan(5000);
    expect(await reviewCount()).toBe(found);
    expect(await reviewRows().count()).toBeLessThan(100);
    expect(await reviewRows().first().getAttribute('aria-rowindex')).toBe('2');
    await s.page.locator('.review-table-wrap').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => reviewRows().last().getAttribute('aria-rowindex')).toBe(String(found + 1));
    expect(await reviewRows().count()).toBeLessThan(100);
    expect(await keptDraftLength()).toBe(long.length);
    await s.page.getByRole('button', { name: '放弃' }).click();
    await table().waitFor();
    await expect.poll(keptDraftLength).toBe(-1);
  });
});
