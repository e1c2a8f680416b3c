/**
 * The lines of a .docx: its main document part read with JSZip and saxes. Each w:p is a line, w:tab a tab, w:br a
 * line break, each table row a line of cells.
 *
 * Why not mammoth: its raw text puts every table cell on a line of its own, so rows are lost, and its HTML would need
 * an HTML parser, which Node (the CLI, the tests) lacks; it also bundles its own copies of JSZip and an XML parser.
 * WordprocessingML's text is a small vocabulary, JSZip is already a dependency, and saxes is the conformant XML
 * parser jsdom uses, so reading the XML here keeps paragraphs and rows exactly, in the browser and in Node alike.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { DocumentReadError, type DocumentLine } from './read-document';

const WORD = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Elements whose content is not the document's text: deleted or moved-away revisions, and the fallback copy of a text box. */
const SKIPPED = new Set(['del', 'moveFrom']);

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A password-protected .docx is an OLE file holding an EncryptedPackage stream; any other OLE file is a .doc. */
function oleProblem(bytes: Uint8Array): 'encrypted' | 'unsupported' | null {
  if (!OLE_SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const name = new Uint8Array(Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]));
  for (let i = 0; i + name.length <= bytes.length; i++) {
    if (name.every((b, j) => bytes[i + j] === b)) return 'encrypted';
  }
  return 'unsupported';
}

interface Table {
  row: string[];
  /** The open cell's paragraphs, and how many grid columns it spans. */
  cell: string[] | null;
  span: number;
}

/** Parses WordprocessingML (the main document part) into lines. Throws saxes' error on malformed XML. */
function documentXmlLines(xml: string): DocumentLine[] {
  const parser = new SaxesParser({ xmlns: true });
  const lines: DocumentLine[] = [];
  const open: string[] = [];
  const paragraphs: string[] = [];
  const tables: Table[] = [];
  let skipping = 0;
  let inText = false;

  /** Where a finished paragraph or nested row goes: the open table cell, else the document. */
  const emit = (text: string): void => {
    const cell = tables.at(-1)?.cell;
    if (cell) cell.push(text);
    else lines.push(...text.split('\n'));
  };
  const append = (text: string): void => {
    if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] += text;
  };

  parser.on('opentag', (tag) => {
    const name = WORD.has(tag.uri) ? tag.local : tag.uri === MARKUP_COMPATIBILITY ? `mc:${tag.local}` : `*:${tag.local}`;
    const parent = open.at(-1);
    open.push(name);
    if (skipping > 0 || SKIPPED.has(name) || name === 'mc:Fallback') {
      skipping++;
      return;
    }
    const table = tables.at(-1);
    if (name === 'p') paragraphs.push('');
    else if (name === 't') inText = true;
    else if (parent === 'r' && name === 'tab') append('\t');
    else if (parent === 'r' && (name === 'br' || name === 'cr')) append('\n');
    else if (parent === 'r' && name === 'noBreakHyphen') append('-');
    else if (name === 'tbl') tables.push({ row: [], cell: null, span: 1 });
    else if (name === 'tr' && table) table.row = [];
    else if (name === 'tc' && table) {
      table.cell = [];
      table.span = 1;
    } else if (name === 'gridSpan' && table && parent === 'tcPr') {
      const span = Number(Object.values(tag.attributes).find((a) => a.local === 'val')?.value);
      table.span = Number.isInteger(span) ? Math.min(Math.max(span, 1), 64) : 1;
    }
  });

  parser.on('text', (text) => {
    if (inText && skipping === 0) append(text);
  });

  parser.on('closetag', () => {
    const name = open.pop();
    if (skipping > 0) {
      skipping--;
      return;
    }
    const table = tables.at(-1);
    if (name === 't') inText = false;
    else if (name === 'p') emit(paragraphs.pop() ?? '');
    else if (name === 'tc' && table?.cell) {
      // A cell spanning columns is followed by empty ones, so the cells after it stay under their headings.
      table.row.push(table.cell.join(' '), ...Array<string>(table.span - 1).fill(''));
      table.cell = null;
    } else if (name === 'tr' && table) {
      const outer = tables.at(-2);
      if (outer?.cell) outer.cell.push(table.row.join(' '));
      else lines.push(table.row);
    } else if (name === 'tbl') tables.pop();
  });

  parser.write(xml).close();
  return lines;
}

/** The path of the main document part, from the package's relationships (word/document.xml by convention). */
function mainPartPath(relsXml: string | undefined): string {
  if (!relsXml) return 'word/document.xml';
  const parser = new SaxesParser();
  let target = 'word/document.xml';
  parser.on('opentag', (tag) => {
    const { Type: type, Target: found } = tag.attributes;
    if (tag.name === 'Relationship' && typeof type === 'string' && OFFICE_DOCUMENT.test(type) && typeof found === 'string') {
      target = found.replace(/^\//, '');
    }
  });
  parser.write(relsXml).close();
  return target;
}

/** The lines of a .docx file's body text. */
export async function readDocxLines(bytes: Uint8Array, fileName: string): Promise<DocumentLine[]> {
  const fail = (reason: 'damaged' | 'encrypted' | 'unsupported', what: string, cause?: unknown): never => {
    throw new DocumentReadError(`${fileName}：${what}`, fileName, reason, { cause });
  };
  const ole = oleProblem(bytes);
  if (ole === 'encrypted') fail('encrypted', '这份 Word 文档设置了密码，请在 Word 或 WPS 中取消密码后另存为 .docx 再选择');
  if (ole === 'unsupported') fail('unsupported', '这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 再选择');

  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const path = mainPartPath(await zip.file('_rels/.rels')?.async('string'));
    xml = await zip.file(path)?.async('string');
  } catch (error) {
    fail('damaged', '无法读取这份 Word 文档（文件已损坏，或不是 .docx 文件）', error);
  }
  if (xml === undefined) return fail('damaged', '这不是 Word 文档（.docx 中缺少正文部分 word/document.xml）');
  try {
    return documentXmlLines(xml);
  } catch (error) {
    return fail('damaged', 'Word 文档的正文已损坏，无法读取', error);
  }
}
