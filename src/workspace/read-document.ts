/**
 * The text of a report chosen as a Word document, a saved web page or a PDF, one paragraph (or table row, cells
 * separated by a tab) a line, as the extractor reads it. Each format's reader, and the library it needs, is loaded
 * only when a file of that format is read, so the main bundle does not carry them.
 */

export type DocumentFormat = 'docx' | 'html' | 'pdf';

/** Why a document gives no text: it is damaged, has no text (a scanned PDF), is password protected, or cannot be read here. */
export type DocumentReadReason = 'damaged' | 'no_text' | 'encrypted' | 'unsupported';

/** A document whose text cannot be read; the message names the file and what is wrong. */
export class DocumentReadError extends Error {
  constructor(message: string, readonly fileName: string, readonly reason: DocumentReadReason, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocumentReadError';
  }
}

/**
 * One line of a document as a reader finds it: a paragraph (a tab where its author put one), or a table row as its
 * cells. A row keeps its empty cells so its columns stay under their headings; a paragraph does not.
 */
export type DocumentLine = string | readonly string[];

const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = { docx: 'docx', html: 'html', htm: 'html', xhtml: 'html', pdf: 'pdf' };
const MIME_TYPES: Readonly<Record<string, DocumentFormat>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
};

/** The format a file name / MIME type names, or null (plain text and anything else). The name's extension wins. */
export function documentFormat(fileName: string, mimeType: string): DocumentFormat | null {
  const dot = fileName.lastIndexOf('.');
  if (dot > 0) {
    const extension = fileName.slice(dot + 1).toLowerCase();
    // A named extension decides: notes.txt stays text whatever type the system gives it.
    if (/^[a-z0-9]{1,5}$/.test(extension)) return EXTENSIONS[extension] ?? null;
  }
  return MIME_TYPES[mimeType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? null;
}

/** Files with no text to read here, by extension, and what to do instead. */
const UNSUPPORTED: ReadonlyArray<readonly [RegExp, (extension: string) => string]> = [
  [/^(?:png|jpe?g|gif|bmp|webp|tiff?|heic|heif|svg|ico)$/, () => '这是图片，里面没有可读取的文字。扫描件或截图请先做文字识别（OCR），再粘贴文字'],
  [/^doc$/, () => '这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 再选择'],
  [/^(?:wps|et|dps|xlsx?|xlsm|pptx?|odt|ods|odp|rtf|ofd|caj|epub)$/, (ext) => `不能读取 .${ext} 文件。请在原程序中另存为 .docx 或 .txt，或复制正文粘贴到这里`],
  [/^(?:zip|rar|7z|gz|tgz|tar|bz2|xz)$/, () => '这是压缩包，请先解压，再选择其中的报告文件'],
];
/** MIME types of files with no text to read here, where the name has no extension. */
const UNSUPPORTED_TYPES = /^(?:image|audio|video)\//;

/**
 * Why a chosen file cannot be a report's text, known from its name or type before it is read (an image, a
 * spreadsheet, an archive …), or null: the formats above are read by their readers, anything else as plain text.
 */
export function unsupportedFile(fileName: string, mimeType: string): DocumentReadError | null {
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const known = UNSUPPORTED.find(([pattern]) => pattern.test(extension));
  if (known) return new DocumentReadError(`${fileName}：${known[1](extension)}`, fileName, 'unsupported');
  if (extension === '' && UNSUPPORTED_TYPES.test(mimeType)) {
    return new DocumentReadError(`${fileName}：不能读取这种文件（${mimeType}），请选择 .txt、.docx、.html 或带文字层的 .pdf`, fileName, 'unsupported');
  }
  return null;
}

/** Whitespace runs inside a line, and the invisible characters copied text carries. */
const SPACES = /\s+/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

const tidy = (cell: string): string => cell.replace(INVISIBLE, '').replace(SPACES, ' ').trim();

/** A line as the extractor reads it, or '' when it holds no text. */
export function tidyLine(line: DocumentLine): string {
  if (typeof line === 'string') return line.split('\t').map(tidy).filter(Boolean).join('\t');
  const cells = line.map(tidy);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join('\t');
}

const NO_TEXT: Readonly<Record<DocumentFormat, string>> = {
  docx: '这份 Word 文档里没有文字', html: '这个网页里没有正文文字', pdf: '这份 PDF 里没有文字',
};

async function readLines(bytes: Uint8Array, fileName: string, format: DocumentFormat): Promise<DocumentLine[]> {
  switch (format) {
    case 'docx':
      return (await import('./read-docx')).readDocxLines(bytes, fileName);
    case 'html':
      return (await import('./read-html')).readHtmlLines(bytes, fileName);
    case 'pdf':
      return (await import('./read-pdf')).readPdfLines(bytes, fileName);
  }
}

/**
 * The text of a .docx, .html/.htm (a saved web page) or a .pdf with a text layer: one paragraph a line, table cells
 * separated by a tab, whitespace collapsed. Throws DocumentReadError naming the file and what is wrong.
 */
export async function readDocumentText(bytes: Uint8Array, fileName: string, format: DocumentFormat): Promise<string> {
  if (bytes.length === 0) throw new DocumentReadError(`${fileName}：文件是空的`, fileName, 'damaged');
  const lines = (await readLines(bytes, fileName, format)).map(tidyLine).filter(Boolean);
  if (lines.length === 0) {
    throw new DocumentReadError(`${fileName}：${NO_TEXT[format]}`, fileName, 'no_text');
  }
  return lines.join('\n');
}
