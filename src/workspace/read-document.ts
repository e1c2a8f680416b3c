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
