import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentReadError, documentFormat, readDocumentText, tidyLine, unsupportedFile, type DocumentFormat } from '../../src/workspace/read-document';
import { htmlLines, type HtmlNode } from '../../src/workspace/read-html';
import { joinWrappedLines, type PdfLine } from '../../src/workspace/read-pdf';

/** The error a read fails with, to assert its reason and message. */
async function readError(bytes: Uint8Array, fileName: string, format: DocumentFormat): Promise<DocumentReadError> {
  const error = await readDocumentText(bytes, fileName, format).then(() => null, (e: unknown) => e);
  if (!(error instanceof DocumentReadError)) throw new Error(`expected a DocumentReadError, got ${String(error)}`);
  return error;
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);

describe('documentFormat', () => {
  it('reads the format from the extension, whatever its case, and from the MIME type when there is none', () => {
    expect(documentFormat('2023年统计公报.docx', '')).toBe('docx');
    expect(documentFormat('公报.HTM', 'application/octet-stream')).toBe('html');
    expect(documentFormat('公报.html', '')).toBe('html');
    expect(documentFormat('公报.pdf', '')).toBe('pdf');
    expect(documentFormat('download', 'application/pdf')).toBe('pdf');
    expect(documentFormat('download', 'text/html; charset=gb2312')).toBe('html');
  });

  it('leaves plain text and other files to the text decoder', () => {
    expect(documentFormat('公报.txt', 'text/plain')).toBeNull();
    expect(documentFormat('公报.txt', 'text/html')).toBeNull();
    expect(documentFormat('公报.doc', 'application/msword')).toBeNull();
    expect(documentFormat('download', '')).toBeNull();
  });
});

describe('files that cannot be a report’s text', () => {
  const refused = (fileName: string, mimeType = '') => {
    const error = unsupportedFile(fileName, mimeType);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect(error?.reason).toBe('unsupported');
    expect(error?.fileName).toBe(fileName);
    return error?.message;
  };

  it('refuses an image, naming the file and saying to recognise its text first', () => {
    expect(refused('扫描件.JPG', 'image/jpeg')).toBe('扫描件.JPG：这是图片，里面没有可读取的文字。扫描件或截图请先做文字识别（OCR），再粘贴文字');
    expect(refused('chart.png')).toMatch(/^chart\.png：这是图片/);
    expect(refused('download', 'image/webp')).toBe('download：不能读取这种文件（image/webp），请选择 .txt、.docx、.html 或带文字层的 .pdf');
  });

  it('refuses office files other than .docx and archives, saying what to do instead', () => {
    expect(refused('报告.doc')).toBe('报告.doc：这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 再选择');
    expect(refused('数据.xlsx')).toBe('数据.xlsx：不能读取 .xlsx 文件。请在原程序中另存为 .docx 或 .txt，或复制正文粘贴到这里');
    expect(refused('报告.wps')).toMatch(/不能读取 \.wps 文件/);
    expect(refused('报告.zip', 'application/zip')).toBe('报告.zip：这是压缩包，请先解压，再选择其中的报告文件');
  });

  it('leaves the formats it reads, plain text and unknown files to their readers', () => {
    for (const [name, type] of [['a.txt', 'text/plain'], ['a.docx', ''], ['a.html', 'text/html'], ['a.pdf', ''], ['a.csv', 'text/csv'], ['download', ''], ['a.md', '']]) {
      expect(unsupportedFile(name!, type!)).toBeNull();
    }
    // A named extension decides, as it does for the format.
    expect(unsupportedFile('notes.txt', 'image/png')).toBeNull();
  });
});

const W_NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ');

/** A .docx holding `body` (WordprocessingML inside w:body), zipped as Word lays it out. */
async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    + '</Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    + '</Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NAMESPACES} mc:Ignorable="wps"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;
const cell = (...paragraphs: string[]): string => `<w:tc>${paragraphs.join('') || '<w:p/>'}</w:tc>`;

describe('reading a .docx', () => {
  it('gives a line per paragraph and table row, with tabs, breaks, fields and text boxes as Word shows them', async () => {
    const textBox = '<w:txbxContent><w:p><w:r><w:t>注：数据为初步核算数。</w:t></w:r></w:p></w:txbxContent>';
    const bytes = await docx([
      '<w:p><w:pPr><w:pStyle w:val="Title"/><w:jc w:val="center"/></w:pPr>', run('某某县2023年国民经济和社会发展统计公报'), '</w:p>',
      // Tab stops in the paragraph's properties are not tabs in its text.
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>',
      run('　　一、'), '<w:r><w:rPr><w:b/></w:rPr><w:t>总体情况</w:t></w:r></w:p>',
      // Tracked changes: deleted and moved-away text is gone, inserted and moved-here text is read.
      para(run('全县地区生产总值达到'), run('123.4'), '<w:del w:id="1" w:author="a"><w:r><w:delText>99.9</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="a">', run('亿元，'), '</w:ins>', `<w:moveFrom w:id="3" w:author="a">${run('增长')}</w:moveFrom>`,
        run('比上年'), `<w:moveTo w:id="4" w:author="a">${run('增长')}</w:moveTo>`, run('5.2%。')),
      para('<w:r><w:t>指标</w:t><w:tab/><w:t>数值</w:t><w:br/><w:t>常住人口</w:t><w:tab/><w:t>45.6万人</w:t></w:r>'),
      para(run('详见'), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run('附表1'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>', run('。')),
      // A text box is written twice, for new and old readers; its text is read once.
      para(`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${textBox}</wps:txbx></w:drawing></mc:Choice>`,
        `<mc:Fallback><w:pict><v:shape><v:textbox>${textBox}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
      '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>',
      `<w:tr>${cell()}${cell('<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="800"/></w:tabs></w:pPr>', run('2023年'), '</w:p>')}`,
      `${cell(para('<w:r><w:t>比上年增长</w:t><w:tab/><w:t>（%）</w:t></w:r>'))}</w:tr>`,
      `<w:tr>${cell(para(run('地区生产总值')), para(run('（亿元）')))}${cell(para(run('123.4')))}${cell(para(run('5.2')))}</w:tr>`,
      `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${para(run('合计'))}</w:tc>${cell(para(run('100.0')))}</w:tr>`,
      '</w:tbl>',
      para(),
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>', run('二、农业'), '</w:p>',
    ].join(''));
    expect((await readDocumentText(bytes, '公报.docx', 'docx')).split('\n')).toEqual([
      '某某县2023年国民经济和社会发展统计公报',
      '一、总体情况',
      '全县地区生产总值达到123.4亿元，比上年增长5.2%。',
      '指标\t数值',
      '常住人口\t45.6万人',
      '详见附表1。',
      '注：数据为初步核算数。',
      '\t2023年\t比上年增长 （%）',
      '地区生产总值 （亿元）\t123.4\t5.2',
      '合计\t\t100.0',
      '二、农业',
    ]);
  });

  it('refuses a damaged file, a .doc, a password-protected one and one without text, naming the file', async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)];
    const encrypted = new Uint8Array([...ole, ...Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0])]);
    const noDocumentPart = await new JSZip().file('readme.txt', 'x').generateAsync({ type: 'uint8array' });
    const malformed = await new JSZip().file('word/document.xml', `<w:document ${W_NAMESPACES}><w:body><w:p>`).generateAsync({ type: 'uint8array' });
    const cases: [Uint8Array, DocumentReadError['reason'], RegExp][] = [
      [latin1('PK\x03\x04 not really a zip'), 'damaged', /^a\.docx：无法读取这份 Word 文档（文件已损坏，或不是 \.docx 文件）$/],
      [noDocumentPart, 'damaged', /^a\.docx：这不是 Word 文档/],
      [malformed, 'damaged', /^a\.docx：Word 文档的正文已损坏/],
      [new Uint8Array(ole), 'unsupported', /^a\.docx：这是旧版 Word 文档（\.doc）/],
      [encrypted, 'encrypted', /^a\.docx：这份 Word 文档设置了密码/],
      [await docx(para() + para(run('  '))), 'no_text', /^a\.docx：这份 Word 文档里没有文字$/],
    ];
    for (const [bytes, reason, message] of cases) {
      const error = await readError(bytes, 'a.docx', 'docx');
      expect([error.reason, error.fileName]).toEqual([reason, 'a.docx']);
      expect(error.message).toMatch(message);
    }
  });
});

type Attributes = Record<string, string>;

const isNode = (c: Attributes | HtmlNode | string): c is HtmlNode | string => typeof c === 'string' || 'nodeType' in c;

/** An element for the HTML walk, built by hand (Node has no DOMParser): h('p', { class: 'x' }, 'text', h('br')). */
function h(tag: string, ...content: (Attributes | HtmlNode | string)[]): HtmlNode {
  const attributes = content.find((c): c is Attributes => !isNode(c)) ?? {};
  return {
    nodeType: 1,
    nodeName: tag.toUpperCase(),
    nodeValue: null,
    childNodes: content.filter(isNode).map((c) => (typeof c === 'string' ? { nodeType: 3, nodeName: '#text', nodeValue: c, childNodes: [] } : c)),
    getAttribute: (name) => attributes[name] ?? null,
  };
}

const menu = (...items: string[]): HtmlNode => h('ul', ...items.map((item) => h('li', h('a', { href: '#' }, item))));

describe('reading a saved web page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps the article of a page marked up with header, nav, article, aside and footer', () => {
    const page = h('body',
      h('header', h('div', '某某县人民政府门户网站'), h('nav', menu('首页', '政务公开', '政务服务'))),
      h('script', 'var 统计 = "不是正文";'),
      h('style', '.正文 { color: red }'),
      h('article',
        h('header', h('h1', '某某县2023年国民经济和社会发展统计公报'), h('p', '发布时间：2024-03-20　来源：某某县统计局')),
        h('h2', '一、总体情况'),
        h('p', '\n    全县地区生产总值达到123.4亿元，\n    比上年增长5.2%。'),
        h('noscript', '请启用脚本')),
      h('aside', h('h3', '热点新闻'), menu('某某县召开全县经济工作会议并部署2024年重点工作')),
      // Not marked as chrome, and not small: the article is found because it is one.
      h('div', { class: 'notice' }, '网站公告：本网站将于本周六凌晨进行系统维护，维护期间部分栏目可能无法正常访问，敬请谅解。'),
      h('footer', h('p', '主办单位：某某县人民政府办公室　地址：某某县人民路1号')));
    expect(htmlLines(page).map(tidyLine)).toEqual([
      '某某县2023年国民经济和社会发展统计公报',
      '发布时间：2024-03-20 来源：某某县统计局',
      '一、总体情况',
      '全县地区生产总值达到123.4亿元，比上年增长5.2%。',
    ]);
  });

  it('finds the article of a page built from divs, keeping its title and 发布时间 line and leaving the link lists', () => {
    const page = h('body',
      h('div', { class: 'top' }, '欢迎访问某某县人民政府网站', menu('首页', '走进某某', '政务公开', '互动交流')),
      h('div', { class: 'crumb' }, '当前位置：', h('a', { href: '/' }, '首页'), ' > ', h('a', { href: '/tj' }, '统计信息')),
      h('div', { class: 'main' },
        h('div', { class: 'title' }, '某某县2023年国民经济和社会发展统计公报'),
        h('div', { class: 'info' }, '发布时间：2024-03-20 来源：县统计局 字号：', h('a', '大'), h('a', '中'), h('a', '小')),
        h('div', { id: 'zoom', style: 'font-size: 16px' },
          h('p', '\u00a0\u00a0\u00a0\u00a0一、总体情况'),
          h('p', '　　全县地区生产总值达到123.4亿元，比上年增长5.2%。', h('br'), '　　其中，第一产业增加值12.3亿元，增长3.1%。'),
          h('p', { style: 'display: none' }, '隐藏的内容'),
          h('p', '　　二、农业'),
          h('p', '　　全年粮食产量45.6万吨，比上年增长1.2%。')),
        h('div', { class: 'related' }, menu('某某县2022年国民经济和社会发展统计公报', '某某县2021年国民经济和社会发展统计公报'))),
      h('div', { class: 'footer' }, '主办：某某县人民政府办公室 地址：某某县人民路1号 电话：0123-4567890'));
    expect(htmlLines(page).map(tidyLine)).toEqual([
      '某某县2023年国民经济和社会发展统计公报',
      '发布时间：2024-03-20 来源：县统计局 字号：大中小',
      '一、总体情况',
      '全县地区生产总值达到123.4亿元，比上年增长5.2%。',
      '其中，第一产业增加值12.3亿元，增长3.1%。',
      '二、农业',
      '全年粮食产量45.6万吨，比上年增长1.2%。',
    ]);
  });

  it('gives a data table a line per row, cells by tab, and a layout table its cells’ lines', () => {
    const data = h('table',
      h('thead', h('tr', h('th'), h('th', '2023年'), h('th', '比上年增长', h('br'), '（%）'))),
      h('tbody',
        h('tr', h('td', h('p', '地区生产总值')), h('td', '123.4'), h('td', '5.2')),
        h('tr', h('td', '粮食产量'), h('td', '45.6'), h('td'))));
    const long = '全县地区生产总值达到123.4亿元，比上年增长5.2%。'.repeat(12);
    // Pages laid out with tables: a cell with many lines, much text, or a table of its own is not a data cell.
    const layout = h('table',
      h('tr', h('td', h('h2', '一、总体情况'), h('p', '经济平稳增长。'), h('p', '就业总体稳定。'), h('p', '物价温和上涨。')), h('td', '简报')),
      h('tr', h('td', h('p', '表1'), h('table', h('tr', h('td', '人口'), h('td', '45.6')))), h('td', '简报')),
      h('tr', h('td', '简报'), h('td', h('p', long))));
    expect(htmlLines(h('body', data, h('pre', '指标  数值\n人口  45.6'), layout)).map(tidyLine)).toEqual([
      '\t2023年\t比上年增长 （%）',
      '地区生产总值\t123.4\t5.2',
      '粮食产量\t45.6',
      '指标 数值',
      '人口 45.6',
      '一、总体情况', '经济平稳增长。', '就业总体稳定。', '物价温和上涨。', '简报',
      '表1', '人口\t45.6', '简报',
      '简报', long,
    ]);
  });

  it('decodes the page by its declared charset before handing it to DOMParser, and refuses binary bytes', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head>'
      + '<body><p>全縣地區生產總值達到123.4億元。</p></body></html>';
    let parsed = '';
    vi.stubGlobal('DOMParser', class {
      parseFromString(source: string): { body: HtmlNode } {
        parsed = source;
        return { body: h('body', h('p', '一、總體情況'), h('p', '全縣地區生產總值達到123.4億元。')) };
      }
    });
    expect(await readDocumentText(encode(html, 'big5'), '公報.htm', 'html')).toBe('一、總體情況\n全縣地區生產總值達到123.4億元。');
    expect(parsed).toBe(html);
    const error = await readError(new Uint8Array([0x3c, 0x70, 0x3e, 0x00, 0x9f, 0x00, 0x12]), '公報.htm', 'html');
    expect([error.reason, error.message]).toEqual(['damaged', '公報.htm：不是文本文件（含有二进制数据），请选择 .txt、.docx、.html 或带文字层的 .pdf']);
  });

  it('says where HTML cannot be read: Node has no DOMParser', async () => {
    const error = await readError(latin1('<p>x</p>'), '公报.html', 'html');
    expect([error.reason, error.message]).toEqual(['unsupported', '公报.html：这里不能读取网页文件（没有 DOMParser），请在浏览器中添加']);
  });
});

/** The bytes of `text` in a double-byte `encoding` (GBK, Big5), found through the decoder: Node has no such encoders. */
function encode(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!codes.has(ch)) codes.set(ch, [lead, trail]);
    }
  }
  return new Uint8Array(Array.from(text).flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : codes.get(ch) ?? [0x3f])));
}

const hex4 = (code: number): string => code.toString(16).padStart(4, '0').toUpperCase();

/** A PDF written by hand: `pages` are content streams, `objects` the rest (numbered from 3 + pages * 2). */
function pdf(pages: string[], fonts: string, objects: string[], trailer = ''): Uint8Array {
  const first = 3;
  const pageObjects = pages.flatMap((content, i) => [
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font ${fonts} >> /Contents ${first + i * 2 + 1} 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
  const kids = pages.map((_, i) => `${first + i * 2} 0 R`).join(' ');
  const all = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`, ...pageObjects, ...objects];
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets = all.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

/** Text shown with a CID font whose CIDs are the characters' code points, as Identity-H hex. */
const cids = (text: string): string => `<${Array.from(text, (ch) => hex4(ch.codePointAt(0) ?? 0)).join('')}>`;
/** Text shown at x, y in a size: each its own text object, as generators write runs. */
type Shown = [x: number, y: number, size: number, text: string];
const contentStream = (shown: Shown[]): string => shown.map(([x, y, size, text]) => `BT /F1 ${size} Tf ${x} ${y} Td ${cids(text)} Tj ET`).join('\n');

/**
 * A Type0 font with Identity-H and a ToUnicode CMap for `characters` (object numbers from `at`), like a subset font:
 * every glyph a full em wide but the space, a quarter.
 */
function identityFont(at: number, characters: string): { font: string; objects: string[] } {
  const chars = [...new Set(characters)];
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((ch) => `<${hex4(ch.codePointAt(0) ?? 0)}> <${hex4(ch.codePointAt(0) ?? 0)}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return {
    font: `<< /F1 ${at} 0 R >>`,
    objects: [
      `<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SourceHanSansSC /Encoding /Identity-H /DescendantFonts [${at + 1} 0 R] /ToUnicode ${at + 3} 0 R >>`,
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /ABCDEF+SourceHanSansSC /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${at + 2} 0 R /DW 1000 /W [32 [250]] >>`,
      '<< /Type /FontDescriptor /FontName /ABCDEF+SourceHanSansSC /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
      `<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`,
    ],
  };
}

/** RC4, as the standard security handler (revision 2) encrypts with it. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  const swap = (a: number, b: number): void => {
    [s[a], s[b]] = [s[b]!, s[a]!];
  };
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    swap(i, j);
  }
  let i = 0;
  j = 0;
  return data.map((byte) => {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    swap(i, j);
    return byte ^ s[(s[i]! + s[j]!) & 0xff]!;
  });
}

const PASSWORD_PAD = [
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
];

/** A one-page PDF that opens only with `userPassword` (40-bit RC4, the standard security handler's revision 2). */
function encryptedPdf(userPassword: string): Uint8Array {
  const padded = (password: string): Uint8Array => Uint8Array.from([...latin1(password), ...PASSWORD_PAD].slice(0, 32));
  const md5 = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(createHash('md5').update(Buffer.concat(parts)).digest());
  const hex = (bytes: Uint8Array): string => `<${Buffer.from(bytes).toString('hex')}>`;
  const id = latin1('figures-board-id');
  const permissions = -44;
  const owner = rc4(md5(padded('owner')).subarray(0, 5), padded(userPassword));
  const key = md5(padded(userPassword), owner, new Uint8Array(new Int32Array([permissions]).buffer), id).subarray(0, 5);
  const user = rc4(key, Uint8Array.from(PASSWORD_PAD));
  return pdf(['0 0 1 rg 100 100 200 200 re f'], '<< >>',
    [`<< /Filter /Standard /V 1 /R 2 /O ${hex(owner)} /U ${hex(user)} /P ${permissions} >>`], `/Encrypt 5 0 R /ID [${hex(id)} ${hex(id)}] `);
}

describe('reading a PDF', () => {
  const LINE_1 = '全县地区生产总值达到123.4亿元，比上年增长5.2%，其中第一产业';
  const LINE_2 = '全年全县粮食总产量45.6万吨，比上年增长1.2%，其中夏粮总产量为';

  it('joins a line’s text items, a wrapped paragraph’s lines, and keeps headings and table rows apart', async () => {
    const page1: Shown[] = [
      [200, 780, 16, '某某县2023年统计公报'],
      // Some fonts map 一 to the Kangxi radical ⼀ (U+2F00).
      [96, 740, 12, '\u2f00、总体情况'],
      [96, 720, 12, LINE_1],
      [72, 704, 12, '增加值12.3亿元。'],
      [72, 680, 12, '地区生产总值'], [250, 680, 12, '123.4'], [400, 680, 12, '5.2'],
      [72, 660, 12, '规模以上工业'], [144, 660, 12, '增加值增长6.0%。'],
      [96, 640, 12, '附'], [120, 640, 12, '表'],
      // A title letter-spaced with spaces.
      [96, 630, 12, '说  明'],
      [96, 620, 12, LINE_2],
      [280, 40, 12, '— 1 —'],
    ];
    const page2: Shown[] = [[72, 780, 12, '12.1万吨。'], [96, 760, 12, '二、农业'], [280, 40, 12, '— 2 —']];
    // Both long lines reach the right margin (96 + 34 characters of 12 pt = 504).
    expect([LINE_1.length, LINE_2.length]).toEqual([34, 34]);
    const { font, objects } = identityFont(7, [...page1, ...page2].map(([, , , text]) => text).join(''));
    const bytes = pdf([contentStream(page1), contentStream(page2)], font, objects);
    const size = bytes.byteLength;
    expect((await readDocumentText(bytes, '公报.pdf', 'pdf')).split('\n')).toEqual([
      '某某县2023年统计公报',
      '一、总体情况',
      `${LINE_1}增加值12.3亿元。`,
      '地区生产总值\t123.4\t5.2',
      '规模以上工业增加值增长6.0%。',
      '附表',
      '说明',
      `${LINE_2}12.1万吨。`,
      '二、农业',
    ]);
    // PDF.js hands the buffer it reads to its worker; the caller's bytes stay whole.
    expect(bytes.byteLength).toBe(size);
  });

  it('reads Chinese text set in a predefined CMap (UniGB-UCS2-H) with no ToUnicode, from the bundled CMaps', async () => {
    const text = '全县地区生产总值达到123.4亿元，比上年增长5.2%。';
    const bytes = pdf([`BT /F1 12 Tf 72 760 Td ${cids(text)} Tj ET`], '<< /F1 5 0 R >>', [
      '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    ]);
    expect(await readDocumentText(bytes, '公报.pdf', 'pdf')).toBe(text);
  });

  it('refuses a scan without a text layer, a password-protected PDF and damaged bytes, naming the file', async () => {
    const cases: [Uint8Array, DocumentReadError['reason'], string][] = [
      [pdf(['0 0 1 rg 100 100 200 200 re f'], '<< >>', []), 'no_text',
        'scan.pdf：这份 PDF 没有文字层（可能是扫描件），请使用带文字的 PDF，或复制正文粘贴'],
      [encryptedPdf('secret'), 'encrypted', 'scan.pdf：这份 PDF 设置了打开密码，请先在 PDF 软件中取消密码，或复制正文粘贴'],
      [latin1('PK\x03\x04 a zip named .pdf'), 'damaged', 'scan.pdf：这不是 PDF 文件（文件已损坏，或扩展名与内容不符）'],
      [latin1(`%PDF-1.7\n${'\x9f\x00garbage '.repeat(50)}`), 'damaged', 'scan.pdf：无法读取这份 PDF（文件已损坏）'],
    ];
    for (const [bytes, reason, message] of cases) {
      const error = await readError(bytes, 'scan.pdf', 'pdf');
      expect([error.reason, error.fileName, error.message]).toEqual([reason, 'scan.pdf', message]);
    }
  });
});

describe('joining a paragraph’s wrapped lines', () => {
  const line = (text: string, left: number, right: number): PdfLine => ({ text, left, right, y: 0, size: 12 });
  it('keeps a heading at the left margin on its own line after a full line', () => {
    expect(joinWrappedLines([[line('全县地区生产总值达到123.4亿元，比上年', 96, 504), line('增长5.2%。', 72, 180),
      line('比上年增长的有以下几项，分别是工业、农业和服务业中的', 72, 504), line('一、总体情况', 72, 144)]])).toEqual([
      '全县地区生产总值达到123.4亿元，比上年增长5.2%。',
      '比上年增长的有以下几项，分别是工业、农业和服务业中的',
      '一、总体情况',
    ]);
  });
});
