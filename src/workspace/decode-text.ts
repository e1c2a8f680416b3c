/**
 * The text of a chosen file, decoded from its bytes: UTF-8 (with or without BOM), UTF-16 (BOM, or the pattern
 * of zero bytes ASCII leaves) or GBK/GB18030. Decoding is always fatal, so a wrong guess shows as an error and
 * never as U+FFFD; a GB18030 decode that reads as mojibake (rare characters where a report has common ones) is
 * refused with the reason, and the analyst can name the encoding instead.
 */

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Why a file's bytes are not taken as a report's text. */
export class DecodeError extends Error {
  constructor(message: string, readonly reason: 'empty' | 'binary' | 'unsure' | 'invalid', readonly fileName: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function decode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    // ignoreBOM: false strips a BOM of the named encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: ASCII characters (digits, newlines, punctuation) leave zero bytes on one side. */
function utf16ByZeros(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 64 * 1024);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd > n / 20 && even < odd / 10) return 'utf-16le';
  if (even > n / 20 && odd < even / 10) return 'utf-16be';
  return null;
}

/**
 * Whether a decoded text reads as Chinese prose: among its non-ASCII characters, nearly all are common CJK
 * ideographs, CJK punctuation or full-width forms. Mojibake (UTF-8 read as GBK, say) is full of rare ones.
 */
export function readsAsText(text: string): boolean {
  let other = 0;
  let common = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) other++;
      continue;
    }
    const isCommon = (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)
      || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2160 && c <= 0x217f) || (c >= 0x2460 && c <= 0x24ff) || c === 0xb7 || c === 0xd7;
    if (isCommon) common++;
    else other++;
  }
  return other <= Math.max(2, (common + other) * 0.02);
}

/** Decodes `bytes` (the contents of `fileName`), detecting the encoding unless one is chosen. */
export function decodeReportBytes(bytes: Uint8Array, fileName: string, chosen?: TextEncodingName): DecodedText {
  if (bytes.length === 0) throw new DecodeError(`${fileName}：文件是空的`, 'empty', fileName);
  if (chosen) {
    const text = decode(bytes, chosen);
    if (text === null) throw new DecodeError(`${fileName}：按 ${chosen} 解码失败，文件中有该编码不允许的字节`, 'invalid', fileName);
    return { text, encoding: chosen };
  }
  const bom: TextEncodingName | null = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8'
    : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be'
        : utf16ByZeros(bytes);
  if (bom) {
    const text = decode(bytes, bom);
    if (text !== null) return { text, encoding: bom };
  }
  if (bytes.includes(0)) {
    throw new DecodeError(`${fileName}：不是文本文件（含有二进制数据），请选择 .txt、.docx、.html 或带文字层的 .pdf`, 'binary', fileName);
  }
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = decode(bytes, 'gb18030');
  if (gb !== null && readsAsText(gb)) return { text: gb, encoding: 'gb18030' };
  throw new DecodeError(
    `${fileName}：无法确定文件编码（不是 UTF-8，按 GBK/GB18030 解码也不像中文文本）。请选择文件的编码后重试`,
    'unsure', fileName,
  );
}
