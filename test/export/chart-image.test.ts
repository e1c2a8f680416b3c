import { describe, expect, it } from 'vitest';
import { chartImageMeta, describePeriod, describeSource, metaSubtitle } from '../../src/export/chart-meta';
import { composeChartSvg, escapeXml } from '../../src/export/chart-svg';
import { echarts, type ChartOption } from '../../src/charts/echarts';
import type { DocumentRow } from '../../src/queries';
import { buildFigureBarsOption } from '../../src/views/shared/figure-bars-option';
import { SAMPLE_RECORDS } from '../util/sample-records';

const DOCS: DocumentRow[] = [
  { doc_id: 'a', title: '报告A', publisher: '中共天津市滨海新区委员会', published: '2022-08-04', url: '', file: '', place: '', genre: 'other', added: false, hidden: false },
  { doc_id: 'b', title: '报告B', publisher: '某区统计局', published: '2023-01-02', url: '', file: '', place: '', genre: 'other', added: false, hidden: false },
];

describe('image metadata', () => {
  it('shows a single period as it is and several as the most frequent followed by 等', () => {
    expect(describePeriod(['2021年', '2021年', ''])).toBe('2021年');
    expect(describePeriod(['', ''])).toBe('');
    expect(describePeriod(['2020年', '截至2021年10月', '截至2021年10月'])).toBe('截至2021年10月等');
  });

  it('names the publisher and date of each source document once', () => {
    expect(describeSource(['a', 'a'], DOCS)).toBe('来源：中共天津市滨海新区委员会，2022-08-04');
    expect(describeSource(['a', 'b', 'x'], DOCS)).toBe('来源：中共天津市滨海新区委员会，2022-08-04；某区统计局，2023-01-02；x');
    expect(describeSource([], DOCS)).toBe('');
  });

  it('builds title, unit·period and source from the figures drawn', () => {
    const meta = chartImageMeta({ title: '投资', unit: '亿元', figures: [{ period: '2021年', doc_id: 'b' }] }, DOCS);
    expect(meta).toEqual({ title: '投资', unit: '亿元', period: '2021年', source: '来源：某区统计局，2023-01-02' });
    expect(metaSubtitle(meta)).toBe('单位：亿元 · 时期：2021年');
  });
});

describe('composeChartSvg', () => {
  const chart = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><text>图</text></svg>';
  const meta = { title: `A<B & "C" 'D'`, unit: '亿元', period: '2021年', source: '来源：甲&乙，2022-08-04' };

  it('escapes every XML special character', () => {
    expect(escapeXml(`<&"'>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
  });

  // Well-formedness is checked by a real XML parser in the browser test; here: the text and its escaping.
  it('carries the title, subtitle and source as escaped text around the chart', () => {
    const { svg, width, height } = composeChartSvg(chart, { width: 400, height: 200 }, { meta, showMeta: true, transparent: false });
    const unescape = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) =>
      ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1] ?? ''));
    expect(texts).toEqual([meta.title, '单位：亿元 · 时期：2021年', '图', meta.source]);
    expect(svg).not.toContain('<?xml');
    expect(svg.match(/<svg/g)).toHaveLength(2);
    expect(width).toBe(400);
    expect(height).toBeGreaterThan(200);
    expect(svg).toContain('fill="#ffffff"');
  });

  it('leaves out the metadata lines and the background when asked', () => {
    const { svg, height } = composeChartSvg(chart, { width: 400, height: 200 }, { meta, showMeta: false, transparent: true });
    expect(height).toBe(200);
    expect(svg).not.toContain('export-title');
    expect(svg).not.toContain('export-source');
    expect(svg).not.toContain('<rect');
  });
});

/**
 * A small XML well-formedness check (tags nest and close, attributes are quoted with no raw `"`, `<` or bare `&`
 * inside, text has no raw `<` or bare `&`); returns the first problem or null.
 */
function xmlProblem(xml: string): string | null {
  const open: string[] = [];
  const entity = /&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g;
  const badText = (text: string) => /[<]|&/.test(text.replace(entity, ''));
  for (const token of xml.match(/<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>|[^<]+/g) ?? []) {
    if (token.startsWith('<![CDATA[')) continue;
    if (!token.startsWith('<')) {
      if (badText(token)) return `text ${token.slice(0, 40)}`;
      continue;
    }
    const close = /^<\/([\w:-]+)\s*>$/.exec(token);
    if (close) {
      if (open.pop() !== close[1]) return `unbalanced ${token}`;
      continue;
    }
    const tag = /^<([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>$/.exec(token);
    if (!tag) return `tag ${token.slice(0, 80)}`;
    for (const [, value] of (tag[2] ?? '').matchAll(/="([^"]*)"/g)) if (badText(value ?? '')) return `attribute in ${token.slice(0, 80)}`;
    if (tag[3] !== '/') open.push(tag[1]!);
  }
  return open.length === 0 ? null : `unclosed ${open.join(',')}`;
}

describe('the chart SVG from ECharts\u2019 own renderer', () => {
  const render = (option: ChartOption) => {
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    try {
      chart.setOption(option);
      return chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  };
  const hostileTitle = `A<B & "C" 'D'`;
  const bars = () => buildFigureBarsOption(SAMPLE_RECORDS.filter((r) => r.base_unit === 'CNY'), { title: hostileTitle, baseUnit: 'CNY' });

  it('is well-formed with the board\u2019s theme font and hostile names, before and after framing', () => {
    const own = render(bars());
    expect(own).toMatch(/font-family:'Noto Sans CJK SC'/);
    expect(own).toContain('O&#39;Brien');
    expect(xmlProblem(own)).toBeNull();
    const meta = { title: hostileTitle, unit: '亿元', period: '2021年', source: '来源：甲&乙' };
    const { svg } = composeChartSvg(own, { width: 600, height: 300 }, { meta, showMeta: true, transparent: false });
    expect(xmlProblem(svg)).toBeNull();
  });

  it('would not be with a double-quoted font list: the renderer copies it into style unescaped', () => {
    const option = bars();
    const own = render({ ...option, textStyle: { ...option.textStyle, fontFamily: '"Noto Sans CJK SC", sans-serif' } });
    expect(xmlProblem(own)).toMatch(/^tag <text /);
    expect(own).toContain(`font-family:"Noto Sans CJK SC"`);
    expect(xmlProblem('<svg><text>a & b</text></svg>')).toMatch(/^text/);
    expect(xmlProblem('<svg><g></svg>')).toMatch(/^unbalanced/);
  });
});
