/**
 * Whether a text can be added as a report: it has words, it has digits, and it is no larger than the add flow
 * extracts in reasonable time. A problem is a code with its figures; the view puts it into words.
 */

/**
 * The most characters the add flow extracts. Measured in Node on a 2-core machine, the shipped report repeated
 * with its place names varied: the extractor took 0.95 s for 0.5 M characters, 1.1 s for 1 M, 8.2 s for 2 M and
 * 25 s for 3 M (the review's whole extraction of 1 M, account and numbers included, about 3 s); a 20 MB text
 * (7.6 M characters) would take minutes. Past 1 M its cost grows with the square of the figures (each total is
 * compared with every figure after it when its parts are marked). 1 M characters is about 2.7 MB of Chinese in
 * UTF-8, some 30 times the shipped report.
 */
export const MAX_TEXT_CHARS = 1_000_000;

/**
 * The largest plain-text file that may hold a text within {@link MAX_TEXT_CHARS}: every encoding read takes at
 * most 4 bytes a character, after a byte-order mark of at most 4. A larger file is refused before it is read.
 */
export const MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS + 4;

export type TextProblem =
  | { reason: 'empty' }
  | { reason: 'no_digits' }
  /** `bytes` is the text's size in UTF-8. */
  | { reason: 'too_large'; chars: number; bytes: number; limit: number };

/** The number of bytes of `text` in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** Why `text` cannot be extracted as a report, or null when it can. */
export function textProblem(text: string): TextProblem | null {
  if (text.length > MAX_TEXT_CHARS) return { reason: 'too_large', chars: text.length, bytes: utf8Length(text), limit: MAX_TEXT_CHARS };
  if (text.trim() === '') return { reason: 'empty' };
  if (!/[0-9０-９]/.test(text)) return { reason: 'no_digits' };
  return null;
}
