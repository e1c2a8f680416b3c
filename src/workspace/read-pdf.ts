/**
 * The lines of a PDF's text layer, read with PDF.js (its legacy build: the modern one needs Iterator helpers,
 * Map#getOrInsertComputed and Math.sumPrecise, which Node 20 and many office browsers lack). The worker is a file
 * of our own build; the CJK CMaps PDF.js asks for come from the package, bundled and loaded one by one on demand.
 * Text items of one baseline are joined into a line; a wide gap between them is a tab (a table column); a line that
 * runs to the right margin continues into the next unless that starts a paragraph, a heading or a table row.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import { DocumentReadError, type DocumentLine, type DocumentReadReason } from './read-document';

/** What the line builder reads of a PDF.js text item. */
interface PdfTextItem {
  str: string;
  /** [a, b, c, d, x, y]: the text's matrix; x, y is where its baseline starts. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** One printed line of a page, with where it sits. */
export interface PdfLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/** Gaps between text items, in font sizes: wider than TAB_GAP is a new column, wider than SPACE_GAP a space. */
const TAB_GAP = 1.5;
const SPACE_GAP = 0.2;
/** Fewer visible characters than this per page is no text layer: page numbers or a stamp over a scan. */
const MIN_CHARS_PER_PAGE = 8;

const WIDE = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'u');
/** Spaces between ideographs are layout (letter-spaced titles, justified lines), never words. */
const SPACE_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])[ \\u00a0\\u3000]+(?=[${WIDE}])`, 'gu');
/** Kangxi radicals and compatibility ideographs that some PDF fonts map their glyphs to, for 一, 二, 工 …. */
const LOOKALIKE_IDEOGRAPHS = /[\u2f00-\u2fdf\uf900-\ufaff]/g;
const PAGE_NUMBER = /^[-—–－―\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:[/／]|共)\s*\d{1,4}\s*页?)?[-—–－―\s]*$/;
const HEADING_START = /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,2}[、．.](?!\d)|第[一二三四五六七八九十百\d]+[章节部分篇条]|附件|附表)/;
const SENTENCE_END = /[。！？!?][”’」』）)]*$/;

/** The lines of one page's text items, in the order PDF.js gives them (the order they were written). */
function pageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: PdfLine | null = null;
  const close = (): void => {
    if (line && line.text.trim() !== '') lines.push(line);
    line = null;
  };
  for (const item of items) {
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
    const size = Math.hypot(a, b) || item.height;
    // PDF.js fills gaps with whitespace items as wide as the gap; the gap itself tells a space from a column.
    if (item.str.trim() !== '') {
      if (line && Math.abs(y - line.y) > 0.5 * Math.max(size, line.size)) close();
      if (!line) {
        line = { text: item.str, left: x, right: x + item.width, y, size };
      } else {
        const gap = x - line.right;
        const em = Math.max(size, line.size);
        const joinsWide = WIDE_CHAR.test(line.text.slice(-1)) && WIDE_CHAR.test(item.str.charAt(0));
        if (gap > TAB_GAP * em) line.text += '\t';
        else if (gap > SPACE_GAP * em && !joinsWide) line.text += ' ';
        line.text += item.str;
        line.right = Math.max(line.right, x + item.width);
        line.size = Math.max(line.size, size);
      }
    }
    if (item.hasEOL) close();
  }
  close();
  return lines.map((l) => ({
    ...l,
    text: l.text.replace(LOOKALIKE_IDEOGRAPHS, (ch) => ch.normalize('NFKC')).replace(SPACE_BETWEEN_WIDE, ''),
  }));
}

/** A page's lines without the page number printed at its top or bottom. */
function withoutPageNumber(lines: PdfLine[]): PdfLine[] {
  if (lines.length > 0 && PAGE_NUMBER.test(lines.at(-1)?.text ?? '')) lines = lines.slice(0, -1);
  if (lines.length > 0 && PAGE_NUMBER.test(lines[0]?.text ?? '')) lines = lines.slice(1);
  return lines;
}

/**
 * The document's lines, a paragraph's wrapped lines joined: a line that reaches its page's right margin continues
 * in the next when that one starts at the left margin (not indented), at the same size, and is neither a heading
 * nor a table row, and the first does not end a sentence.
 */
export function joinWrappedLines(pages: readonly PdfLine[][]): string[] {
  const out: string[] = [];
  let previous: { line: PdfLine; right: number } | null = null;
  for (const lines of pages) {
    const left = Math.min(...lines.map((l) => l.left));
    const right = Math.max(...lines.map((l) => l.right));
    for (const line of lines) {
      const continues = previous !== null
        && previous.line.right >= previous.right - 2 * previous.line.size
        && line.left <= left + 0.5 * line.size
        && Math.abs(line.size - previous.line.size) < 0.1 * line.size
        && !previous.line.text.includes('\t') && !line.text.includes('\t')
        && !SENTENCE_END.test(previous.line.text.trimEnd()) && !HEADING_START.test(line.text.trim());
      if (continues) out[out.length - 1] += line.text;
      else out.push(line.text);
      previous = { line, right };
    }
  }
  return out;
}

const CMAPS = import.meta.glob<string>('/node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&inline', import: 'default' });

/**
 * Serves PDF.js the predefined CMaps it asks for (UniGB-UCS2-H, Adobe-GB1-UCS2, …) from the bundle, decoded from
 * their inlined form: no request is made, so neither a CDN nor connect-src is involved.
 */
class BundledCMaps {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const load = kind === 'cMapUrl' ? CMAPS[`/node_modules/pdfjs-dist/cmaps/${filename}`] : undefined;
    if (!load) throw new Error(`PDF.js asked for ${kind} ${filename}, which is not bundled`);
    const dataUrl = await load();
    return Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
  }
}

interface PdfJs {
  pdfjs: typeof PdfJsModule;
  worker: PdfJsModule.PDFWorker | undefined;
}

let loading: Promise<PdfJs> | null = null;

/** PDF.js and, in a browser, its worker: started once, on the first PDF. In Node PDF.js runs on this thread. */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // PDF.js 6 uses Promise.withResolvers (Node 22, Chrome 119) without polyfilling it.
    (Promise as { withResolvers?: unknown }).withResolvers ??= function withResolvers<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    };
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    if (typeof Worker === 'undefined') return { pdfjs, worker: undefined };
    const { default: PdfJsWorker } = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?worker');
    const port = new PdfJsWorker();
    // PDF.js does not watch a worker it is handed; one that cannot start would leave every read waiting. The worker
    // says "ready" once it runs (PDF.js ignores that message from a handed-in worker).
    await new Promise<void>((resolve, reject) => {
      port.addEventListener('message', () => resolve(), { once: true });
      port.addEventListener('error', (event) => reject(new Error(event.message || 'PDF.js worker did not start')), { once: true });
    });
    return { pdfjs, worker: pdfjs.PDFWorker.create({ port, verbosity: pdfjs.VerbosityLevel.ERRORS }) };
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** What PDF.js throws for a file it cannot make sense of (a worker's FormatError reaches here as UnknownErrorException). */
const FORMAT_ERRORS = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException']);

const isPdf = (bytes: Uint8Array): boolean => new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');

/** The lines of a PDF's text layer. */
export async function readPdfLines(bytes: Uint8Array, fileName: string): Promise<DocumentLine[]> {
  const fail = (reason: DocumentReadReason, what: string, cause?: unknown): never => {
    throw new DocumentReadError(`${fileName}：${what}`, fileName, reason, { cause });
  };
  if (!isPdf(bytes)) fail('damaged', '这不是 PDF 文件（文件已损坏，或扩展名与内容不符）');
  const { pdfjs, worker } = await loadPdfJs().catch((error: unknown) => {
    return fail('unsupported', `这里无法启动 PDF 阅读组件（${error instanceof Error ? error.message : String(error)}）`, error);
  });
  const task = pdfjs.getDocument({
    // PDF.js takes the buffer it is given over to its worker; the caller keeps its bytes.
    data: bytes.slice(),
    worker,
    BinaryDataFactory: BundledCMaps,
    useWorkerFetch: false,
    useWasm: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      const name = error instanceof Error ? error.name : '';
      if (name === 'PasswordException') {
        return fail('encrypted', '这份 PDF 设置了打开密码，请先在 PDF 软件中取消密码，或复制正文粘贴', error);
      }
      if (FORMAT_ERRORS.has(name)) return fail('damaged', '无法读取这份 PDF（文件已损坏）', error);
      // Not the file: PDF.js or its worker could not start here.
      return fail('unsupported', `这里无法读取 PDF（${error instanceof Error ? error.message : String(error)}）`, error);
    });
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await pdf.getPage(n).then((page) => page.getTextContent()).catch((error: unknown) => {
        return fail('damaged', `无法读取这份 PDF 的第 ${n} 页（文件已损坏）`, error);
      });
      const items = content.items.filter((item): item is typeof item & PdfTextItem => 'str' in item);
      pages.push(withoutPageNumber(pageLines(items)));
    }
    const chars = pages.flat().reduce((n, line) => n + line.text.replace(/\s+/g, '').length, 0);
    if (chars < MIN_CHARS_PER_PAGE * pdf.numPages) {
      fail('no_text', '这份 PDF 没有文字层（可能是扫描件），请使用带文字的 PDF，或复制正文粘贴');
    }
    return joinWrappedLines(pages.filter((lines) => lines.length > 0));
  } finally {
    await task.destroy();
  }
}
