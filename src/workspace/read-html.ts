/**
 * The lines of a saved web page: the bytes decoded by the page's declared charset (else detected like a text file),
 * parsed by the browser's DOMParser, and walked by {@link htmlLines}, a pure function over a minimal node interface
 * (so it is tested in Node without a DOM). Site chrome is left out: scripts, styles, navigation, the site's header
 * and footer, hidden elements, and the link lists around the article.
 */
import { DecodeError, decodeReportBytes } from './decode-text';
import { DocumentReadError, type DocumentLine } from './read-document';

/** What the walk needs of a DOM node; a browser's Node satisfies it. */
export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<HtmlNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;

const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul',
]);
const NEVER_TEXT = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video',
  'audio', 'select', 'button', 'input', 'textarea', 'nav', 'aside',
]);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const ARTICLES = new Set(['article', 'main']);
/** A line is chrome (a menu, a breadcrumb, related links) when links hold at least this share of its characters. */
const LINK_DENSE = 0.5;
/** A container is the article when it holds this share of the page's Chinese text outside links. */
const ARTICLE_SHARE = 0.5;
const CONTAINER_SHARE = 0.6;

/** Ideographs, CJK punctuation and full-width forms: between two of them a source line break is not a space. */
const WIDE = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const SEGMENT_BREAK = new RegExp(`(?<=[${WIDE}])[ \\t\\r\\f]*\\n[ \\t\\n\\r\\f]*(?=[${WIDE}])`, 'gu');
const HAN = /\p{Script=Han}/gu;

const tagOf = (node: HtmlNode): string => node.nodeName.toLowerCase();
const attr = (node: HtmlNode, name: string): string | null => node.getAttribute?.(name) ?? null;
const children = (node: HtmlNode): HtmlNode[] => Array.from(node.childNodes);

/** Whether an element's content is never the report's text. header and footer are chrome only outside an article. */
function isChrome(node: HtmlNode, inArticle: boolean): boolean {
  const tag = tagOf(node);
  if (NEVER_TEXT.has(tag) || (!inArticle && (tag === 'header' || tag === 'footer'))) return true;
  if (attr(node, 'hidden') !== null || attr(node, 'aria-hidden') === 'true') return true;
  return CHROME_ROLES.has(attr(node, 'role') ?? '') || HIDDEN_STYLE.test(attr(node, 'style') ?? '');
}

const opensArticle = (node: HtmlNode): boolean => ARTICLES.has(tagOf(node)) || attr(node, 'role') === 'main';

/** Chinese characters outside links and chrome under each element, to find the article by. */
function countHan(root: HtmlNode): Map<HtmlNode, number> {
  const counts = new Map<HtmlNode, number>();
  const visit = (node: HtmlNode, inArticle: boolean): number => {
    if (node.nodeType === TEXT) return node.nodeValue?.match(HAN)?.length ?? 0;
    if (node.nodeType !== ELEMENT || isChrome(node, inArticle) || tagOf(node) === 'a') return 0;
    const inside = inArticle || opensArticle(node);
    const count = children(node).reduce((sum, child) => sum + visit(child, inside), 0);
    counts.set(node, count);
    return count;
  };
  visit(root, false);
  return counts;
}

/**
 * The element holding the article: the article or main element that holds most of the page's Chinese text, else
 * the deepest element holding most of it, else the root.
 */
function findArticle(root: HtmlNode, counts: ReadonlyMap<HtmlNode, number>): HtmlNode {
  const total = counts.get(root) ?? 0;
  if (total === 0) return root;
  let best: HtmlNode | null = null;
  for (const [node, count] of counts) {
    if (opensArticle(node) && count >= ARTICLE_SHARE * total && count > (best ? counts.get(best) ?? 0 : 0)) best = node;
  }
  if (best) return best;
  let node = root;
  for (;;) {
    const next = children(node).reduce<HtmlNode | null>((a, c) => ((counts.get(c) ?? 0) > (a ? counts.get(a) ?? 0 : 0) ? c : a), null);
    if (!next || (counts.get(next) ?? 0) < CONTAINER_SHARE * total) return node;
    node = next;
  }
}

interface Line {
  line: DocumentLine;
  chars: number;
  linkChars: number;
  inArticle: boolean;
}

interface WalkState {
  inLink: boolean;
  inPre: boolean;
  inArticle: boolean;
  /** Inside the element findArticle chose. */
  anchored: boolean;
}

/** Collects a block's text and cuts it into lines at block edges and <br>. */
class LineWriter {
  readonly lines: Line[] = [];
  private raw = '';
  private chars = 0;
  private linkChars = 0;
  private anchored = false;

  text(value: string, state: WalkState): void {
    const visible = value.replace(/\s+/g, '').length;
    this.raw += value;
    this.chars += visible;
    if (state.inLink) this.linkChars += visible;
    if (visible > 0 && state.anchored) this.anchored = true;
  }

  end(): void {
    if (this.chars > 0) {
      const line = this.raw.replace(SEGMENT_BREAK, '').replace(/[ \t\n\r\f]+/g, ' ');
      this.lines.push({ line, chars: this.chars, linkChars: this.linkChars, inArticle: this.anchored });
    }
    this.raw = '';
    this.chars = 0;
    this.linkChars = 0;
    this.anchored = false;
  }
}

function tableRows(table: HtmlNode): HtmlNode[] {
  return children(table).flatMap((c) => {
    const tag = tagOf(c);
    if (tag === 'tr') return [c];
    return tag === 'thead' || tag === 'tbody' || tag === 'tfoot' ? children(c).filter((r) => tagOf(r) === 'tr') : [];
  });
}

const hasTable = (node: HtmlNode): boolean => children(node).some((c) => tagOf(c) === 'table' || hasTable(c));

/** A cell holding a nested table, or more text than a data cell does, is page layout: its lines stay lines. */
const isLayoutCell = (cell: HtmlNode, lines: readonly Line[]): boolean =>
  lines.length > 3 || lines.reduce((n, l) => n + l.chars, 0) > 300 || hasTable(cell);

function walkTable(table: HtmlNode, out: LineWriter, state: WalkState, anchor: HtmlNode): void {
  for (const child of children(table)) {
    if (tagOf(child) === 'caption') walk(child, out, state, anchor);
  }
  for (const row of tableRows(table).filter((r) => !isChrome(r, state.inArticle))) {
    const cells = children(row).filter((c) => c.nodeType === ELEMENT && /^t[dh]$/.test(tagOf(c)) && !isChrome(c, state.inArticle));
    const written = cells.map((cell) => {
      const writer = new LineWriter();
      walk(cell, writer, state, anchor);
      writer.end();
      return writer.lines;
    });
    if (cells.some((cell, i) => isLayoutCell(cell, written[i] ?? []))) {
      out.lines.push(...written.flat());
      continue;
    }
    const all = written.flat();
    if (all.length === 0) continue;
    out.lines.push({
      line: written.map((lines) => lines.map((l) => l.line).join(' ')),
      chars: all.reduce((n, l) => n + l.chars, 0),
      linkChars: all.reduce((n, l) => n + l.linkChars, 0),
      inArticle: all.some((l) => l.inArticle),
    });
  }
}

function walk(node: HtmlNode, out: LineWriter, state: WalkState, anchor: HtmlNode): void {
  if (node.nodeType === TEXT) {
    const value = node.nodeValue ?? '';
    if (!state.inPre) out.text(value, state);
    else {
      value.split('\n').forEach((part, i) => {
        if (i > 0) out.end();
        out.text(part, state);
      });
    }
    return;
  }
  if (node.nodeType !== ELEMENT || isChrome(node, state.inArticle)) return;
  const tag = tagOf(node);
  if (tag === 'br') {
    out.end();
    return;
  }
  const inner: WalkState = {
    inLink: state.inLink || tag === 'a',
    inPre: state.inPre || tag === 'pre',
    inArticle: state.inArticle || opensArticle(node),
    anchored: state.anchored || node === anchor,
  };
  const block = BLOCKS.has(tag) || tag === 'tr' || tag === 'td' || tag === 'th';
  if (block) out.end();
  if (tag === 'table') {
    walkTable(node, out, inner, anchor);
  } else {
    for (const child of children(node)) walk(child, out, inner, anchor);
  }
  if (block) out.end();
}

const isLinkDense = (l: Line): boolean => l.linkChars > 0 && l.linkChars >= LINK_DENSE * l.chars;

/**
 * The lines of a page (its body, or any element): the article's lines without the link lists at their ends, widened
 * upwards to the nearest link list, so a title and a 发布时间/来源 line above the article's body stay, and menus,
 * breadcrumbs, related links and the site's footer go.
 */
export function htmlLines(root: HtmlNode): DocumentLine[] {
  const anchor = findArticle(root, countHan(root));
  const out = new LineWriter();
  walk(root, out, { inLink: false, inPre: false, inArticle: false, anchored: anchor === root }, anchor);
  out.end();
  const { lines } = out;
  let first = lines.findIndex((l) => l.inArticle);
  let last = lines.findLastIndex((l) => l.inArticle);
  while (first <= last && isLinkDense(lines[first] as Line)) first++;
  while (last >= first && isLinkDense(lines[last] as Line)) last--;
  if (first > last) return lines.map((l) => l.line);
  while (first > 0 && !isLinkDense(lines[first - 1] as Line)) first--;
  return lines.slice(first, last + 1).map((l) => l.line);
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), as a TextDecoder label. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  // A page whose meta can be read as ASCII is not UTF-16, whatever it says (as browsers decide).
  return label && !label.startsWith('utf-16') ? label : null;
}

function decodePage(bytes: Uint8Array, fileName: string): string {
  const label = declaredCharset(bytes);
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe)
    || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (label && !bom) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // An unknown label, or bytes that are not in it: detect the encoding instead.
    }
  }
  try {
    return decodeReportBytes(bytes, fileName).text;
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    throw new DocumentReadError(error.message, fileName, error.reason === 'empty' ? 'no_text' : 'damaged', { cause: error });
  }
}

/** The lines of a saved web page. Needs DOMParser (every browser has it; Node has not). */
export function readHtmlLines(bytes: Uint8Array, fileName: string): DocumentLine[] {
  if (typeof DOMParser === 'undefined') {
    throw new DocumentReadError(`${fileName}：这里不能读取网页文件（没有 DOMParser），请在浏览器中添加`, fileName, 'unsupported');
  }
  const page = new DOMParser().parseFromString(decodePage(bytes, fileName), 'text/html');
  return htmlLines(page.body);
}
